package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.EventJson;
import dev.bazaar.eventstore.rows.PositionWindows;
import dev.bazaar.eventstore.rows.StreamedEvent;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.eventstore.rows.StoredEvent;
import dev.bazaar.readmodel.audit.AuditChain;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Reads the global event stream in position order, up to the horizon of the audit hash chain. The chain only passes a
 * position once no transaction can still commit there (docs/audit.md), so a consumer that resumes after any position
 * it was given never misses an event that commits late: out-of-order commits are held back, not skipped.
 */
@Component
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamReader {

    /** Positions per bounded query, at least; a page of {@code limit} events reads windows of twice that. */
    private static final long MIN_WINDOW = 20_000;

    private final JdbcTemplate jdbc;

    private final AuditChain chain;

    private final TransactionTemplate snapshot;

    private final EventJson events;

    private final boolean includePersonalData;

    EventStreamReader(JdbcTemplate jdbc, AuditChain chain, PlatformTransactionManager transactions, EventJson events,
            EventStreamProperties properties) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.events = events;
        this.includePersonalData = properties.stream().includePersonalData();
    }

    /** Events after {@code after}, at most {@code limit}, of the given stored payload types and aggregate type. */
    EventPage read(long after, int limit, Set<String> payloadTypes, String aggregateType) {
        return snapshot.execute(status -> {
            long horizon = chain.head().position();
            var page = PositionWindows.read(after, horizon, Math.max(2L * limit, MIN_WINDOW), limit,
                    (from, through, remaining) -> window(from, through, remaining, payloadTypes, aggregateType),
                    StreamedEvent::position);
            return new EventPage(page.events(), page.next(), horizon);
        });
    }

    private List<StreamedEvent> window(long after, long through, int limit, Set<String> payloadTypes,
            String aggregateType) {
        // the range on both keys lets PostgreSQL start both index scans at the window (a merge join)
        return EventRowQuery.events()
                .alsoSelect("c.digest")
                .join("JOIN audit_chain c ON c.position = e.global_index AND c.position > ? AND c.position <= ?",
                        after, through)
                .positions(after, through)
                .ofPayloadTypes(payloadTypes)
                .ofAggregateType(aggregateType)
                .limit(limit)
                .list(jdbc, this::toStreamed);
    }

    private StreamedEvent toStreamed(StoredEvent stored, ResultSet row) throws SQLException {
        return events.toEvent(stored, row.getBytes(EventRowQuery.EXTRA), includePersonalData
                ? EventJson.PersonalData.SEALED : EventJson.PersonalData.OMIT);
    }

}
