package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** An admin settled the dispute: refundToBuyer back to the buyer, the rest to the seller. */
@Revision("1")
public record DisputeResolved(OrderId orderId, Money refundToBuyer, String note) {

}
