package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the buyer money back (all or part of what was captured). */
public record RefundOrder(@TargetAggregateIdentifier OrderId orderId, RefundId refundId, Money amount, String reason) {

}
