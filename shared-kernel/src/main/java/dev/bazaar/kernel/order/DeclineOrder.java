package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The seller refuses the order: the authorisation is released and the stock returned. */
public record DeclineOrder(@TargetAggregateIdentifier OrderId orderId, String reason) {

}
