package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer contests the order: the escrow is frozen until an admin resolves it. */
public record OpenDispute(@TargetAggregateIdentifier OrderId orderId, String reason) {

}
