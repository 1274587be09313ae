package dev.bazaar.command.order;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderStatus;

/** The order is not in a state from which this step is allowed (e.g. shipping an order not yet paid). */
class IllegalOrderTransition extends Refusal {

    IllegalOrderTransition(OrderId orderId, String action, OrderStatus status) {
        super("order-transition", 409, "Cannot " + action + " order " + orderId + " while it is " + status + ".");
    }

}
