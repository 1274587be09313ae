package dev.bazaar.infra.stream;

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

    private final TransactionTemplate snapshot;

    private final EventJson events;

    private final boolean includePersonalData;

    EventStreamReader(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventJson events,
            @Value("${bazaar.events.stream.include-personal-data:false}") boolean includePersonalData) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.events = events;
        this.includePersonalData = includePersonalData;
    }

    /** Events after {@code after}, at most {@code limit}, of the given stored payload types and aggregate type. */
    EventPage read(long after, int limit, Set<String> payloadTypes, String aggregateType) {
        return snapshot.execute(status -> {
            Long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM audit_chain", Long.class);
            long horizon = head == null ? 0 : head;
            // windows of positions, each a bounded join: the plan cannot go wrong on stale statistics (without
            // them PostgreSQL hash-joined the whole range up to the horizon for every page, measured at 1M events)
            long window = Math.max(2L * limit, MIN_WINDOW);
            List<StreamedEvent> events = new ArrayList<>();
            for (long from = after; events.size() < limit && from < horizon; from = Math.min(horizon, from + window)) {
                events.addAll(window(from, Math.min(horizon, from + window), limit - events.size(), payloadTypes,
                        aggregateType));
            }
            long next = events.size() == limit ? events.get(events.size() - 1).position() : Math.max(after, horizon);
            return new EventPage(events, next, horizon);
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
