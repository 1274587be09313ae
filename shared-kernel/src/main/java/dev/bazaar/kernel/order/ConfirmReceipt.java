package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer is satisfied: the order completes and the escrow is released. */
public record ConfirmReceipt(@TargetAggregateIdentifier OrderId orderId) {

}
