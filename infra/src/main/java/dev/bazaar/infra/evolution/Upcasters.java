package dev.bazaar.infra.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.projections.audit.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Every upcaster of the published language, in the order they apply (docs/event-evolution.md). Axon's event store
 * gets them as one chain ({@link UpcasterConfiguration}); readers of raw rows call {@link #current}.
 */
public final class Upcasters {

    /** Add a new upcaster at the end; never change one that shipped, stored events were read through it. */
    public static final List<JsonUpcaster> ALL = List.of(new OrderDeclinedRevision2(), DeadlineIdAdded.ACCEPTANCE,
            DeadlineIdAdded.SHIPMENT_COMPLETION, DeadlineIdAdded.DELIVERY_COMPLETION);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Upcasters() {
    }

    /** The stored row with its payload and revision brought to the current revision (the same row if it is). */
    public static StoredEvent current(StoredEvent stored) {
        Optional<JsonUpcaster> next = next(stored.payloadType(), stored.payloadRevision());
        if (next.isEmpty()) {
            return stored;
        }
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(stored.payload());
            String revision = stored.payloadRevision();
            for (; next.isPresent(); next = next(stored.payloadType(), revision)) {
                payload = next.get().upcast(payload);
                revision = next.get().toRevision();
            }
            return new StoredEvent(stored.position(), stored.eventIdentifier(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), stored.aggregateType(), stored.timestamp(), stored.payloadType(),
                    revision, JSON.writeValueAsBytes(payload), stored.metaData());
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("Event at position " + stored.position() + " cannot be upcast",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The upcasters that start from an earlier revision of this event type, oldest first. */
    public static List<JsonUpcaster> of(String payloadType) {
        return ALL.stream().filter(upcaster -> upcaster.payloadType().equals(payloadType)).toList();
    }

    private static Optional<JsonUpcaster> next(String payloadType, String revision) {
        for (JsonUpcaster upcaster : ALL) {
            if (upcaster.payloadType().equals(payloadType) && upcaster.fromRevision().equals(revision)) {
                return Optional.of(upcaster);
            }
        }
        return Optional.empty();
    }

}
