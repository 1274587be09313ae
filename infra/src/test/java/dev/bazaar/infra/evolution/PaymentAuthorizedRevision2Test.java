package dev.bazaar.infra.evolution;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
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

/** Stored revision-1 PaymentAuthorized payloads, read through Axon's chain as the event store reads them. */
class PaymentAuthorizedRevision2Test {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static final OrderId ORDER = new OrderId(UUID.randomUUID());

    @Test
    void an_authorisation_stored_before_the_expiry_had_an_id_is_read_with_none() {
        String revision1 = "{\"orderId\":\"" + ORDER + "\",\"paymentIntentId\":\"pi_1\","
                + "\"amount\":{\"amountMinor\":3000,\"currency\":\"EUR\"},\"acceptBy\":\"2026-11-30T10:15:30Z\"}";
        var entry = new GenericDomainEventEntry<>("Order", ORDER.toString(), 1, UUID.randomUUID().toString(),
                Instant.now(), PaymentAuthorized.class.getName(), "1", revision1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        var upcast = new EventUpcasterChain(Upcasters.ALL)
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType())
                .isEqualTo(new SimpleSerializedType(PaymentAuthorized.class.getName(), "2"));
        PaymentAuthorized event = SERIALIZER.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new PaymentAuthorized(ORDER, "pi_1", Money.of(3000, "EUR"),
                Instant.parse("2026-11-30T10:15:30Z"), null));
    }

}
