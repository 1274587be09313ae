package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider closed a dispute: won (the platform keeps the money) or lost. Carries the dispute's amount and reason
 * too, because the provider may deliver the closing before the opening.
 */
public record RecordProviderDisputeClosed(@TargetAggregateIdentifier OrderId orderId, String disputeId, String status,
        Money amount, String reason) {

}
