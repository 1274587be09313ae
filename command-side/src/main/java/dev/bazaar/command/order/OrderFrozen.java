package dev.bazaar.command.order;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.order.OrderId;

/** A dispute is open: the escrow is frozen until it is resolved, so the order cannot complete. */
class OrderFrozen extends Refusal {

    OrderFrozen(OrderId orderId) {
        super("order-frozen", 409, "Order " + orderId + " is disputed; it completes once the dispute is resolved.");
    }

}
