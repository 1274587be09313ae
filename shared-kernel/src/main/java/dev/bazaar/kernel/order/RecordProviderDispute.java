package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer's bank opened a dispute (chargeback) at the provider. */
public record RecordProviderDispute(@TargetAggregateIdentifier OrderId orderId, String disputeId, Money amount,
        String reason) {

}
