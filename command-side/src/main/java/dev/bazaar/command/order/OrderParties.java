package dev.bazaar.command.order;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.order.OrderId;

/** Who may take which step of an order: its buyer, its seller, an admin, or the platform's own process. */
record OrderParties(OrderId orderId, UserId buyerId, UserId sellerId) {

    void requireSeller(Actor actor, String action) {
        if (!actor.id().equals(sellerId) && !actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only the order's seller or an admin may " + action + " order " + orderId + ".");
        }
    }

    void requireBuyer(Actor actor, String action) {
        if (!actor.id().equals(buyerId) && !actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only the order's buyer or an admin may " + action + " order " + orderId + ".");
        }
    }

    void requireAdmin(Actor actor, String action) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only an admin may " + action + " order " + orderId + ".");
        }
    }

    /** What the payment provider reports reaches an order only through the platform's own process. */
    void requireSystem(Actor actor) {
        if (!actor.is(Role.SYSTEM)) {
            throw new NotPermitted("Only the payment process records what the provider did.");
        }
    }

}
