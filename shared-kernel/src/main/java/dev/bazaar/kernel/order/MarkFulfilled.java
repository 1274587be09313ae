package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller reports a service performed (the delivery of an order without shipping). */
public record MarkFulfilled(@TargetAggregateIdentifier OrderId orderId) {

}
