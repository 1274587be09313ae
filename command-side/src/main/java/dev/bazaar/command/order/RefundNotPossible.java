package dev.bazaar.command.order;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.kernel.order.OrderId;

/** A refund asked for more than the buyer paid and has not yet had back, or in a state that forbids it. */
class RefundNotPossible extends RuleViolation {

    RefundNotPossible(OrderId orderId, String why) {
        super("refund-not-possible", 422, "Cannot refund order " + orderId + ": " + why);
    }

}
