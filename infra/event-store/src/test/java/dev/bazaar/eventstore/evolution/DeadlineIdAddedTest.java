package dev.bazaar.eventstore.evolution;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderDelivered;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderShipped;
import dev.bazaar.kernel.order.PaymentAuthorized;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 events that scheduled a deadline without naming it, read through Axon's chain. */
class DeadlineIdAddedTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static final OrderId ORDER = new OrderId(UUID.randomUUID());

    private static final String DUE = "2026-11-30T10:15:30Z";

    @Test
    void an_authorisation_stored_before_the_expiry_had_an_id_is_read_with_none() {
        Object event = read(PaymentAuthorized.class, "{\"orderId\":\"" + ORDER + "\",\"paymentIntentId\":\"pi_1\","
                + "\"amount\":{\"amountMinor\":3000,\"currency\":\"EUR\"},\"acceptBy\":\"" + DUE + "\"}");

        assertThat(event).isEqualTo(new PaymentAuthorized(ORDER, "pi_1", Money.of(3000, "EUR"), Instant.parse(DUE),
                null));
    }

    @Test
    void a_shipment_and_a_delivery_stored_before_the_completion_had_an_id_are_read_with_none() {
        Object shipped = read(OrderShipped.class, "{\"orderId\":\"" + ORDER + "\",\"carrier\":\"DHL\","
                + "\"trackingNumber\":\"1\",\"completeBy\":\"" + DUE + "\"}");
        Object delivered = read(OrderDelivered.class, "{\"orderId\":\"" + ORDER + "\",\"service\":false,"
                + "\"completeBy\":\"" + DUE + "\"}");

        assertThat(shipped).isEqualTo(new OrderShipped(ORDER, "DHL", "1", Instant.parse(DUE), null));
        assertThat(delivered).isEqualTo(new OrderDelivered(ORDER, false, Instant.parse(DUE), null));
    }

    private static Object read(Class<?> type, String revision1) {
        var entry = new GenericDomainEventEntry<>("Order", ORDER.toString(), 1, UUID.randomUUID().toString(),
                Instant.now(), type.getName(), "1", revision1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        var upcast = new EventUpcasterChain(Upcasters.ALL)
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(new SimpleSerializedType(type.getName(), "2"));
        return SERIALIZER.deserialize(upcast.get(0).getData());
    }

}
