package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** The buyer's bank disputed the charge at the provider; the order is frozen. */
@Revision("1")
public record ProviderDisputeOpened(OrderId orderId, String disputeId, Money amount, String reason) {

}
