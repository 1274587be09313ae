package dev.bazaar.command.order;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.order.OrderId;

/** A refund asked for more than the buyer paid and has not yet had back, or in a state that forbids it. */
class RefundNotPossible extends Refusal {

    RefundNotPossible(OrderId orderId, String why) {
        super("refund-not-possible", 422, "Cannot refund order " + orderId + ": " + why);
    }

}
