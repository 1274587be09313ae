package dev.bazaar.kernel.order;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The seller's debt on this order is to be reversed from their transfer again; attempt numbers the tries (each has
 * its own idempotency key at the provider, which keeps the refusal of the last one).
 */
@Revision("1")
public record SellerDebtRecoveryRequested(OrderId orderId, UserId sellerId, Money amount, int attempt) {

}
