package dev.bazaar.projections.audit;

import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.readmodel.audit.AuditChain;
import dev.bazaar.readmodel.audit.AuditChainProperties;
import dev.bazaar.readmodel.audit.AuditChain.Head;
import dev.bazaar.readmodel.audit.ChainLink;
import dev.bazaar.readmodel.audit.CheckpointKey;
import dev.bazaar.eventstore.rows.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends the hash chain over the event store (and the auditors' search index, {@code audit_event_index}, in the same
 * transaction), position by position, in the order of the global sequence. One
 * instance appends at a time (a transaction-scoped advisory lock); the others skip their turn.
 *
 * <p>Positions commit out of order: a transaction may hold position 41 while 42 is already visible. The chain never
 * passes a missing position until it is sure no transaction can still fill it: it waits {@code gap-settle} after first
 * seeing the hole (a transaction takes its position and its transaction id in the same statement), then takes the
 * snapshot's {@code xmax}, and records the hole as a gap only once every transaction that was running then has ended
 * ({@code pg_snapshot_xmin} of a later snapshot has passed that {@code xmax}). Finality is decided before the events
 * are read, so a commit between the two cannot be mistaken for a gap.
 */
@Component
public class EventChain {

    /** "bazaar" and the chain's number: the advisory lock held while appending. */
    static final long LOCK_KEY = 0x62617a6161720001L;

    private final JdbcTemplate jdbc;

    private final AuditChain chain;

    private final TransactionTemplate transactions;

    private final CheckpointKey key;

    private final int checkpointInterval;

    private final int batchSize;

    private final Duration gapSettle;

    private final Clock clock;

    private PendingGap pending;

    EventChain(JdbcTemplate jdbc, AuditChain chain, TransactionTemplate transactions, CheckpointKey key,
            AuditChainProperties audit) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.transactions = transactions;
        this.key = key;
        this.checkpointInterval = audit.checkpointInterval();
        this.batchSize = audit.chain().batchSize();
        this.gapSettle = audit.chain().gapSettle();
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${bazaar.audit.chain.interval:PT0.2S}")
    void advance() {
        while (appendOnce() == batchSize) {
            // catching up: keep going while whole batches come
        }
    }

    /** Appends the next run of positions; answers how many. */
    public synchronized int appendOnce() {
        Integer appended = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    LOCK_KEY))) {
                return 0;
            }
            Head head = chain.head();
            boolean pendingIsFinal = pendingGapIsFinal(head.position() + 1);
            List<StoredEvent> events = EventRowQuery.events().after(head.position()).limit(batchSize).list(jdbc);
            return append(head, events, pendingIsFinal);
        });
        return appended == null ? 0 : appended;
    }

    private int append(Head head, List<StoredEvent> events, boolean pendingIsFinal) {
        var link = new ChainLink();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> checkpoints = new ArrayList<>();
        List<Object[]> index = new ArrayList<>();
        long expected = head.position() + 1;
        byte[] digest = head.digest();
        for (StoredEvent event : events) {
            if (event.position() > expected) {
                if (!(pendingIsFinal && pending.from() == expected)) {
                    notePending(expected);
                    break;
                }
                for (long position = expected; position < event.position(); position++) {
                    digest = link.next(digest, StoredEvent.gapBytes(position));
                    add(links, checkpoints, position, digest, null);
                }
                pending = null;
                pendingIsFinal = false;
            }
            digest = link.next(digest, event.canonicalBytes());
            add(links, checkpoints, event.position(), digest, event.eventIdentifier());
            index.add(AuditIndex.row(event));
            expected = event.position() + 1;
        }
        jdbc.batchUpdate("INSERT INTO audit_chain (position, digest, event_identifier) VALUES (?, ?, ?)", links);
        jdbc.batchUpdate("INSERT INTO audit_checkpoint (position, digest, signature, key_id, signed_at) "
                + "VALUES (?, ?, ?, ?, ?)", checkpoints);
        jdbc.batchUpdate(AuditIndex.INSERT, index);
        return links.size();
    }

    private void add(List<Object[]> links, List<Object[]> checkpoints, long position, byte[] digest, String eventId) {
        links.add(new Object[] {position, digest, eventId});
        if (position % checkpointInterval == 0) {
            checkpoints.add(new Object[] {position, digest, key.sign(position, digest), key.id(),
                    Timestamp.from(clock.instant())});
        }
    }

    /** The hole starting at {@code from} is first seen (or still seen) now. */
    private void notePending(long from) {
        if (pending == null || pending.from() != from) {
            pending = new PendingGap(from, clock.instant(), null);
        }
    }

    private boolean pendingGapIsFinal(long from) {
        if (pending == null || pending.from() != from) {
            return false;
        }
        if (pending.xmax() == null) {
            if (Duration.between(pending.seenAt(), clock.instant()).compareTo(gapSettle) >= 0) {
                pending = new PendingGap(from, pending.seenAt(), jdbc.queryForObject(
                        "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class));
            }
            return false;
        }
        Long xmin = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
        return xmin != null && xmin >= pending.xmax();
    }

    /** A hole first seen at {@code seenAt}; {@code xmax} once the settle time has passed. */
    private record PendingGap(long from, Instant seenAt, Long xmax) {
    }

}
