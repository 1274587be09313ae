package dev.bazaar.eventstore.rows;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The small reads of the event table that are not a page of rows ({@link EventRowQuery} reads those). */
@Component
public class StoredEvents {

    private static final String HEAD = "SELECT coalesce(max(global_index), 0) FROM domain_event_entry";

    private final JdbcTemplate jdbc;

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest position in the store (0 when empty). */
    public long head() {
        Long head = jdbc.queryForObject(HEAD, Long.class);
        return head == null ? 0 : head;
    }

    /** The same, on a connection of the caller's (tools that run without the application). */
    public static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(HEAD)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Where an aggregate stands: its last sequence number and that event's position, if it has any event. */
    public Optional<Last> lastOf(String aggregateId) {
        return jdbc.query("""
                SELECT sequence_number, global_index FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1
                """, (row, n) -> new Last(row.getLong(1), row.getLong(2)), aggregateId).stream().findFirst();
    }

    /** The aggregate's last stored sequence number, or null when it has no event (one index lookup). */
    public Long lastSequenceOf(String aggregateId) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** When the first event after the position was stored, if there is one. */
    public Optional<Instant> storedAtAfter(long position) {
        List<String> next = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, position);
        return next.stream().findFirst().map(Instant::parse);
    }

    public record Last(long sequenceNumber, long position) {
    }

}
