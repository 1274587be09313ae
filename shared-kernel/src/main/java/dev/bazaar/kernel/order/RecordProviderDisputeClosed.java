package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider closed a dispute: won (the platform keeps the money) or lost. */
public record RecordProviderDisputeClosed(@TargetAggregateIdentifier OrderId orderId, String disputeId, String status) {

}
