package dev.bazaar.kernel.order;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** What the seller owed on this order came back from their transfer: the platform's balance is whole again. */
@Revision("1")
public record SellerDebtRecovered(OrderId orderId, UserId sellerId, Money amount, String providerReversalId) {

}
