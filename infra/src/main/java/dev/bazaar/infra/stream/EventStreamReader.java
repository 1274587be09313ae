package dev.bazaar.infra.stream;

import dev.bazaar.projections.audit.EventChain;
import dev.bazaar.projections.audit.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the global event stream in position order, up to the horizon of the audit hash chain. The chain only passes a
 * position once no transaction can still commit there (docs/audit.md), so a consumer that resumes after any position
 * it was given never misses an event that commits late: out-of-order commits are held back, not skipped.
 */
@Component
class EventStreamReader {

    /** Positions per bounded query, at least; a page of {@code limit} events reads windows of twice that. */
    private static final long MIN_WINDOW = 20_000;

    private final JdbcTemplate jdbc;

    private final EventChain chain;

    private final TransactionTemplate snapshot;

    private final EventJson events;

    private final boolean includePersonalData;

    EventStreamReader(JdbcTemplate jdbc, EventChain chain, PlatformTransactionManager transactions, EventJson events,
            @Value("${bazaar.events.stream.include-personal-data:false}") boolean includePersonalData) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.events = events;
        this.includePersonalData = includePersonalData;
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
        var sql = new StringBuilder("SELECT ").append(StoredEvent.columns("e"))
                .append(", c.digest FROM domain_event_entry e JOIN audit_chain c ON c.position = e.global_index ")
                .append("WHERE e.global_index > ? AND e.global_index <= ? AND c.position > ? AND c.position <= ?");
        // the range on both keys lets PostgreSQL start both index scans at the window (a merge join)
        List<Object> arguments = new ArrayList<>(List.of(after, through, after, through));
        if (!payloadTypes.isEmpty()) {
            sql.append(" AND e.payload_type = ANY (?)");
            arguments.add(payloadTypes.toArray(String[]::new));
        }
        if (aggregateType != null) {
            sql.append(" AND e.type = ?");
            arguments.add(aggregateType);
        }
        sql.append(" ORDER BY e.global_index LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (row, n) -> toStreamed(row), arguments.toArray());
    }

    private StreamedEvent toStreamed(ResultSet row) throws SQLException {
        return events.toEvent(StoredEvent.read(row), row.getBytes(11), includePersonalData
                ? EventJson.PersonalData.SEALED : EventJson.PersonalData.OMIT);
    }

}
