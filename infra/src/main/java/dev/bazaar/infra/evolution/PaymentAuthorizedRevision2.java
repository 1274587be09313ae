package dev.bazaar.infra.evolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PaymentAuthorized;

import java.time.Instant;

/**
 * {@link PaymentAuthorized} revision 1 did not say which scheduled deadline expires the order; revision 2 does
 * ({@code acceptanceDeadline}). An order authorised under revision 1 has no id to cancel: null, and its deadline fires
 * and finds the order no longer awaiting acceptance, as it always did.
 */
final class PaymentAuthorizedRevision2 extends JsonUpcaster {

    /** How revision 1 was stored. */
    record Revision1(OrderId orderId, String paymentIntentId, Money amount, Instant acceptBy) {
    }

    PaymentAuthorizedRevision2() {
        super(PaymentAuthorized.class, "1", "2");
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        payload.putNull("acceptanceDeadline");
        return payload;
    }

    @Override
    public Class<? extends Record> earlierShape() {
        return Revision1.class;
    }

}
