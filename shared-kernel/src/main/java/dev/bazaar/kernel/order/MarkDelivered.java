package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller reports the goods delivered. */
public record MarkDelivered(@TargetAggregateIdentifier OrderId orderId) {

}
