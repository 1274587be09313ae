package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller sent the goods. */
public record MarkShipped(@TargetAggregateIdentifier OrderId orderId, String carrier, String trackingNumber) {

}
