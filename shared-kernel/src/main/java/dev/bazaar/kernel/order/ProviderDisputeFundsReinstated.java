package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** The provider gave back what it had withdrawn for a dispute (the dispute was won), and any of its fee it returned. */
@Revision("1")
public record ProviderDisputeFundsReinstated(OrderId orderId, String disputeId, Money amount, Money feeReturned) {

}
