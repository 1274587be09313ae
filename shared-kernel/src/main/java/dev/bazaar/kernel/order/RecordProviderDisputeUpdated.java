package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider reports a dispute's new status (needs_response, under_review, warning_...). Carries the dispute's
 * amount and reason too, because the provider may deliver an update before the opening.
 */
public record RecordProviderDisputeUpdated(@TargetAggregateIdentifier OrderId orderId, String disputeId, String status,
        Money amount, String reason) {

}
