package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider gave back the disputed amount it had withdrawn (the dispute was won), and any fee it returned. */
public record RecordProviderDisputeFundsReinstated(@TargetAggregateIdentifier OrderId orderId, String disputeId,
        Money amount, Money feeReturned) {

}
