package dev.bazaar.eventstore.evolution;

import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.OrderId;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 OrderDeclined payloads, read through Axon's chain as the event store reads them. */
class OrderDeclinedRevision2Test {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static final OrderId ORDER = new OrderId(UUID.randomUUID());

    @Test
    void a_refund_before_capture_written_into_the_reason_becomes_its_cause_and_the_reason_as_given() {
        var upcast = read("{\"orderId\":\"" + ORDER + "\",\"reason\":\"refunded before capture: wrong size\"}");

        assertThat(upcast).isEqualTo(new OrderDeclined(ORDER, DeclineCause.REFUNDED_BEFORE_CAPTURE, "wrong size"));
    }

    @Test
    void any_other_reason_was_the_sellers_and_stays_as_it_was() {
        var upcast = read("{\"orderId\":\"" + ORDER + "\",\"reason\":\"out of stock, refunded before capture\"}");

        assertThat(upcast).isEqualTo(new OrderDeclined(ORDER, DeclineCause.SELLER_DECLINED,
                "out of stock, refunded before capture"));
    }

    @Test
    void a_missing_reason_stays_missing() {
        var upcast = read("{\"orderId\":\"" + ORDER + "\",\"reason\":null}");

        assertThat(upcast).isEqualTo(new OrderDeclined(ORDER, DeclineCause.SELLER_DECLINED, null));
    }

    @Test
    void the_current_revision_is_left_alone() {
        var event = stored("{\"orderId\":\"" + ORDER + "\",\"cause\":\"SELLER_DECLINED\",\"reason\":\"x\"}", "2");

        var upcast = new EventUpcasterChain(Upcasters.ALL).upcast(Stream.of(event)).toList();

        assertThat(upcast).containsExactly(event);
    }

    private static OrderDeclined read(String revision1) {
        var upcast = new EventUpcasterChain(Upcasters.ALL).upcast(Stream.of(stored(revision1, "1"))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(new SimpleSerializedType(OrderDeclined.class.getName(), "2"));
        return SERIALIZER.deserialize(upcast.get(0).getData());
    }

    private static IntermediateEventRepresentation stored(String payload, String revision) {
        var entry = new GenericDomainEventEntry<>("Order", ORDER.toString(), 3, UUID.randomUUID().toString(),
                Instant.now(), OrderDeclined.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, SERIALIZER);
    }

}
