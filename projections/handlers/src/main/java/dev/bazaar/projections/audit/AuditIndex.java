package dev.bazaar.projections.audit;

import dev.bazaar.eventstore.rows.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;

/** The row of {@code audit_event_index} for a stored event: what auditors search by. */
final class AuditIndex {

    static final String INSERT = "INSERT INTO audit_event_index (position, aggregate_type, aggregate_id, event_type, "
            + "occurred_at, actor_id, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditIndex() {
    }

    static Object[] row(StoredEvent event) {
        JsonNode meta = metaData(event);
        String payloadType = event.payloadType();
        return new Object[] {event.position(), event.aggregateType(), event.aggregateIdentifier(),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), Timestamp.from(Instant.parse(
                        event.timestamp())), text(meta, "actorId"), text(meta, "correlationId")};
    }

    private static JsonNode metaData(StoredEvent event) {
        if (event.metaData() == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(event.metaData());
        } catch (IOException e) {
            // the chain hashes what is stored, readable or not; the index just has nothing to say about it
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

}
