package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused the transfer to the seller (e.g. onboarding not complete). */
public record RecordPayoutFailure(@TargetAggregateIdentifier OrderId orderId, String reason) {

}
