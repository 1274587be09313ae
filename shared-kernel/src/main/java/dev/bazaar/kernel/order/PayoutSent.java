package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** The seller's share left the platform's balance for the seller's connected account. */
@Revision("1")
public record PayoutSent(OrderId orderId, UserId sellerId, String transferId, Money amount) {

}
