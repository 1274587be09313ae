package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider could not capture (e.g. the authorisation expired). */
public record RecordCaptureFailure(@TargetAggregateIdentifier OrderId orderId, String reason) {

}
