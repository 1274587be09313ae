package dev.bazaar.eventstore.rows;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One event of the stream: where it sits ({@code position}, the global sequence; {@code digest}, the audit hash chain
 * up to and including it), what it is, who caused it, and its payload in the stored shape (the stored JSON, passed
 * through as it is unless personal data must be taken out).
 */
public record StreamedEvent(long position, String eventId, String type, String revision, String aggregateType,
        String aggregateId, long sequence, String timestamp, String actorId, String actorRole, String correlationId,
        String causationId, @JsonRawValue String payload, String digest) {
}
