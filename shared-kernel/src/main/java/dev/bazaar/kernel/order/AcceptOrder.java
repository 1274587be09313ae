package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller takes the order: the payment is captured and held in escrow. */
public record AcceptOrder(@TargetAggregateIdentifier OrderId orderId) {

}
