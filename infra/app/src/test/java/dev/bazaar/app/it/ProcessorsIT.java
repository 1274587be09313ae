package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event processor, and the audit chain, with where it stands and how far behind it is. */
class ProcessorsIT extends IntegrationTest {

    @Test
    void every_processor_reports_its_kind_segments_and_lag_and_catches_up_with_a_new_event() {
        long position = aCategoryCreatedAtNewPosition();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode processors = admin.get("/api/v1/admin/processors").json();
            assertThat(named(processors, "category-read-model").get("behind").asLong()).isZero();
            assertThat(named(processors, "audit-chain").get("position").asLong()).isGreaterThanOrEqualTo(position);
        });
        JsonNode processors = admin.get("/api/v1/admin/processors").json();

        assertThat(StreamSupport.stream(processors.spliterator(), false).map(p -> p.get("name").asText()))
                .contains("order-payments", "ledger", "listing-search", "category-directory", "audit-chain");
        JsonNode payments = named(processors, "order-payments");
        assertThat(payments.get("kind").asText()).isEqualTo("streaming");
        assertThat(payments.get("segments")).hasSize(4);
        assertThat(payments.get("error").asBoolean()).isFalse();
        assertThat(named(processors, "category-directory").get("kind").asText()).isEqualTo("subscribing");
        assertThat(named(processors, "category-read-model").get("lagSeconds").asDouble()).isZero();
    }

    private long aCategoryCreatedAtNewPosition() {
        var created = admin.post("/api/v1/categories", java.util.Map.of("name", "Processed "
                + java.util.UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.position();
    }

    private static JsonNode named(JsonNode processors, String name) {
        return StreamSupport.stream(processors.spliterator(), false).filter(p -> p.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no processor " + name + " in " + processors));
    }

}
