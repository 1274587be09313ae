package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused to authorise the buyer's payment. */
public record RecordPaymentFailure(@TargetAggregateIdentifier OrderId orderId, String reason) {

}
