package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer withdraws the order before the seller accepted it. */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId) {

}
