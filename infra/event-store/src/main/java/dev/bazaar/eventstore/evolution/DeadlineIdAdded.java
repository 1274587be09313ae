package dev.bazaar.eventstore.evolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderDelivered;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderShipped;
import dev.bazaar.kernel.order.PaymentAuthorized;

import java.time.Instant;

/**
 * Revision 2 of an order event that schedules a deadline names it, so that the step that makes the deadline moot can
 * remove it from the scheduler. Revision 1 had no such field: upcast with it null (nothing to remove; such a deadline
 * fires and finds nothing to do, as it always did).
 */
final class DeadlineIdAdded extends JsonUpcaster {

    /** How {@link PaymentAuthorized} revision 1 was stored. */
    record PaymentAuthorizedRevision1(OrderId orderId, String paymentIntentId, Money amount, Instant acceptBy) {
    }

    /** How {@link OrderShipped} revision 1 was stored. */
    record OrderShippedRevision1(OrderId orderId, String carrier, String trackingNumber, Instant completeBy) {
    }

    /** How {@link OrderDelivered} revision 1 was stored. */
    record OrderDeliveredRevision1(OrderId orderId, boolean service, Instant completeBy) {
    }

    static final DeadlineIdAdded ACCEPTANCE = new DeadlineIdAdded(PaymentAuthorized.class, "acceptanceDeadline",
            PaymentAuthorizedRevision1.class);

    static final DeadlineIdAdded SHIPMENT_COMPLETION = new DeadlineIdAdded(OrderShipped.class, "completionDeadline",
            OrderShippedRevision1.class);

    static final DeadlineIdAdded DELIVERY_COMPLETION = new DeadlineIdAdded(OrderDelivered.class, "completionDeadline",
            OrderDeliveredRevision1.class);

    private final String field;

    private final Class<? extends Record> revision1;

    private DeadlineIdAdded(Class<?> eventType, String field, Class<? extends Record> revision1) {
        super(eventType, "1", "2");
        this.field = field;
        this.revision1 = revision1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        payload.putNull(field);
        return payload;
    }

    @Override
    public Class<? extends Record> earlierShape() {
        return revision1;
    }

}
