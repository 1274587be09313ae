package dev.bazaar.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDBC event store, reading the head at a steady pace. Every commit wakes the reader that feeds the tracking
 * processors, and every read that finds events wakes all of them: under load that was a query and a dozen thread
 * wake-ups for every two or three events, each processor then committing a batch of two or three. Once a read has
 * reached the head (fewer events than asked for), this thread's next read waits until {@code pace} after the start of
 * that one, so the reads at the head come at most every {@code pace}, with the events of that time in one batch.
 * Reading behind the head (a replay, a processor catching up) is never held back: its reads come back full.
 */
final class PacedEventStorageEngine extends JdbcEventStorageEngine {

    private final long paceNanos;

    /** When this thread's last read that reached the head started (nanoTime), or null. */
    private final ThreadLocal<Long> lastReadAtHead = new ThreadLocal<>();

    PacedEventStorageEngine(Builder builder, Duration pace) {
        super(builder);
        this.paceNanos = pace.toNanos();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        Long last = lastReadAtHead.get();
        if (last != null) {
            long wait = last + paceNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        long start = System.nanoTime();
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (events.size() < batchSize) {
            lastReadAtHead.set(start);
        }
        else {
            lastReadAtHead.remove();
        }
        return events;
    }

}
