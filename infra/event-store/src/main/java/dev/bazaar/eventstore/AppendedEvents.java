package dev.bazaar.eventstore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the event store appended on this thread while a command ran: each aggregate's last sequence number and the
 * highest global position. The store reports them from the insert itself ({@link PositionReportingAppend}: the
 * positions come back with it), so a command's answer needs no query of its own. Axon runs a command and stores its
 * events on the sending thread; a command retried on another thread after a lost race reports nothing here, and the
 * sender falls back to reading the store. The thread-local hand-off stays inside this package: the sender gets an
 * explicit answer from {@link #during}.
 */
public final class AppendedEvents {

    private static final ThreadLocal<AppendedEvents> LISTENING = new ThreadLocal<>();

    private final Map<String, Long> lastSequences = new HashMap<>();

    private final AppendedEvents outer;

    private long lastPosition = -1;

    private AppendedEvents(AppendedEvents outer) {
        this.outer = outer;
    }

    /** Called by the event store for every event it stored, in order; every listener on this thread hears it. */
    static void appended(String aggregateId, long sequenceNumber, long position) {
        for (AppendedEvents listener = LISTENING.get(); listener != null; listener = listener.outer) {
            listener.lastSequences.merge(aggregateId, sequenceNumber, Math::max);
            listener.lastPosition = Math.max(listener.lastPosition, position);
        }
    }

    /** Runs the sending of a command, collecting what it appended on this thread. */
    public static AppendedEvents during(Runnable send) {
        AppendedEvents listener = start();
        try {
            send.run();
            return listener;
        } finally {
            listener.stop();
        }
    }

    /**
     * Starts collecting what is appended on this thread, until {@link #stop}: for a unit of work, whose events are
     * stored after its handler returned, in its commit.
     */
    public static AppendedEvents start() {
        AppendedEvents listener = new AppendedEvents(LISTENING.get());
        LISTENING.set(listener);
        return listener;
    }

    /** Stops collecting; listeners started before this one on the thread go on. */
    public void stop() {
        if (outer == null) {
            LISTENING.remove();
        }
        else {
            LISTENING.set(outer);
        }
    }

    /**
     * The aggregate's new sequence number and the command's last global position, if the command appended to that
     * aggregate.
     */
    public Optional<Appended> to(String aggregateId) {
        Long sequence = lastSequences.get(aggregateId);
        return sequence == null ? Optional.empty() : Optional.of(new Appended(sequence, lastPosition));
    }

    /** Where a command's appends left an aggregate: its last sequence number, and the last event's position. */
    public record Appended(long sequenceNumber, long position) {
    }

}
