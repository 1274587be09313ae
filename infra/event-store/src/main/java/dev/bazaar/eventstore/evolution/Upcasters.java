package dev.bazaar.eventstore.evolution;


import java.util.List;
import java.util.Optional;

/**
 * Every upcaster of the published language, in the order they apply (docs/event-evolution.md). Axon's event store
 * gets them as one chain ({@link UpcasterConfiguration}); readers of raw rows go through {@link #next} (the stored
 * row's {@code inCurrentRevision}).
 */
public final class Upcasters {

    /** Add a new upcaster at the end; never change one that shipped, stored events were read through it. */
    public static final List<JsonUpcaster> ALL = List.of(new OrderDeclinedRevision2(), DeadlineIdAdded.ACCEPTANCE,
            DeadlineIdAdded.SHIPMENT_COMPLETION, DeadlineIdAdded.DELIVERY_COMPLETION);

    private Upcasters() {
    }

    /** The upcasters that start from an earlier revision of this event type, oldest first. */
    public static List<JsonUpcaster> of(String payloadType) {
        return ALL.stream().filter(upcaster -> upcaster.payloadType().equals(payloadType)).toList();
    }

    /** The upcaster from this revision of the event type to the next, if the revision is not the current one. */
    public static Optional<JsonUpcaster> next(String payloadType, String revision) {
        for (JsonUpcaster upcaster : ALL) {
            if (upcaster.payloadType().equals(payloadType) && upcaster.fromRevision().equals(revision)) {
                return Optional.of(upcaster);
            }
        }
        return Optional.empty();
    }

}
