package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider released an authorisation that will never be captured. */
public record RecordAuthorizationRelease(@TargetAggregateIdentifier OrderId orderId, String paymentIntentId) {

}
