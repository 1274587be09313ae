package dev.bazaar.eventstore.rows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.order.OrderDeclined;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoredEventTest {

    private static StoredEvent declined(String revision, String payload, byte[] metaData) {
        return new StoredEvent(7, "event-7", "order-1", 3, "Order", "2026-12-01T10:00:00Z",
                OrderDeclined.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8), metaData);
    }

    @Test
    void two_rows_that_differ_in_any_column_have_different_canonical_bytes() {
        var row = declined("2", "{\"orderId\":\"order-1\"}", null);
        var otherPayload = declined("2", "{\"orderId\":\"order-2\"}", null);
        var otherRevision = declined("1", "{\"orderId\":\"order-1\"}", null);

        assertThat(row.canonicalBytes()).isNotEqualTo(otherPayload.canonicalBytes())
                .isNotEqualTo(otherRevision.canonicalBytes());
    }

    @Test
    void missing_metadata_and_empty_metadata_are_told_apart() {
        assertThat(declined("2", "{}", null).canonicalBytes())
                .isNotEqualTo(declined("2", "{}", new byte[0]).canonicalBytes());
    }

    @Test
    void a_gap_never_has_the_bytes_of_an_event() {
        assertThat(StoredEvent.gapBytes(7)).isNotEqualTo(declined("2", "{}", null).canonicalBytes());
        assertThat(StoredEvent.gapBytes(7)).isNotEqualTo(StoredEvent.gapBytes(8));
    }

    @Test
    void an_older_revision_is_read_in_the_current_one_and_the_stored_row_is_left_as_it_was() throws Exception {
        var stored = declined("1", "{\"orderId\":\"order-1\",\"reason\":\"refunded before capture: too late\"}",
                null);

        var current = stored.inCurrentRevision();

        assertThat(current.payloadRevision()).isEqualTo("2");
        var payload = new ObjectMapper().readTree(current.payload());
        assertThat(payload.get("cause").asText()).isEqualTo("REFUNDED_BEFORE_CAPTURE");
        assertThat(payload.get("reason").asText()).isEqualTo("too late");
        assertThat(stored.payloadRevision()).isEqualTo("1");
        assertThat(current.position()).isEqualTo(stored.position());
    }

    @Test
    void a_row_in_its_current_revision_is_itself() {
        var stored = declined("2", "{\"orderId\":\"order-1\",\"cause\":\"SELLER_DECLINED\",\"reason\":null}", null);

        assertThat(stored.inCurrentRevision()).isSameAs(stored);
    }

}
