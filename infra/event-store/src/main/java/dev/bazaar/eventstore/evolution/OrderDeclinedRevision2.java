package dev.bazaar.eventstore.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.OrderId;

/**
 * {@link OrderDeclined} revision 1 kept why an order ended in one text: a refund before capture was written as
 * {@code "refunded before capture: <reason>"}, anything else was the seller's reason. Revision 2 splits it into
 * {@code cause} and {@code reason}.
 */
final class OrderDeclinedRevision2 extends JsonUpcaster {

    /** How revision 1 was stored. */
    record Revision1(OrderId orderId, String reason) {
    }

    static final String REFUNDED_PREFIX = "refunded before capture: ";

    OrderDeclinedRevision2() {
        super(OrderDeclined.class, "1", "2");
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        JsonNode reason = payload.remove("reason");
        String text = reason == null || reason.isNull() ? null : reason.asText();
        boolean refunded = text != null && text.startsWith(REFUNDED_PREFIX);
        payload.put("cause", (refunded ? DeclineCause.REFUNDED_BEFORE_CAPTURE : DeclineCause.SELLER_DECLINED).name());
        payload.put("reason", refunded ? text.substring(REFUNDED_PREFIX.length()) : text);
        return payload;
    }

    @Override
    public Class<? extends Record> earlierShape() {
        return Revision1.class;
    }

}
