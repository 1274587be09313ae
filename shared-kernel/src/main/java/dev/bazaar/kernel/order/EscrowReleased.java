package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** The escrow is released: sellerAmount is owed to the seller, commission is the platform's revenue. */
@Revision("1")
public record EscrowReleased(OrderId orderId, UserId sellerId, Money sellerAmount, Money commission) {

}
