package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/**
 * The order ended before capture without the buyer cancelling: the seller refused it, or it was refunded in full
 * while only authorised (which releases the authorisation).
 *
 * <p>Revision 1 had only {@code reason}, with a refund before capture written as
 * {@code "refunded before capture: <reason>"}. Revision 2 splits that into {@code cause} and the reason as given;
 * stored revision-1 events are upcast when read (docs/event-evolution.md).
 */
@Revision("2")
public record OrderDeclined(OrderId orderId, DeclineCause cause, String reason) {

    /** Why the order ended before capture. */
    public enum DeclineCause {
        /** The seller refused the order. */
        SELLER_DECLINED,
        /** The seller or an admin refunded the whole amount before it was captured. */
        REFUNDED_BEFORE_CAPTURE
    }

}
