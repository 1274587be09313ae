package dev.bazaar.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How a processor (or the embedded store's shared reader) reads the events after its token: the next
 * {@code batchSize} events, however far ahead they are, instead of Axon's window of the next {@code batchSize}
 * positions. In a window that holds nothing an event may still lie beyond it (a run of positions taken by
 * transactions that rolled back), so Axon follows every empty read with a second query for the next position (its
 * "extended gap check"). At the head of the stream every read is empty, so that was one more round trip per poll:
 * about one per order flow in the orders benchmark. Reading the next events directly finds them in one query, and
 * the check is switched off ({@code EventStoreConfiguration}). The token's gaps, and what a jump past rolled-back
 * positions adds to them, are Axon's as before.
 */
public final class NextEventsQuery {

    private NextEventsQuery() {
    }

    /** The next events after the token's index. */
    public static PreparedStatement withoutGaps(Connection connection, EventSchema schema, long globalIndex,
            int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(next(schema));
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    /**
     * The token's gaps that have been filled since, then the next events after its index. Two queries in one, so
     * that each reads by the index alone (an OR of both under a LIMIT could be planned as a scan from the first
     * event); gaps lie below the index, so the union is in position order.
     */
    public static PreparedStatement withGaps(Connection connection, EventSchema schema, long globalIndex, int batchSize,
            List<Long> gaps) throws SQLException {
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                + ") UNION ALL (" + next(schema) + ") ORDER BY " + schema.globalIndexColumn() + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        int parameter = 1;
        for (Long gap : gaps) {
            statement.setLong(parameter++, gap);
        }
        statement.setLong(parameter++, globalIndex);
        statement.setInt(parameter, batchSize);
        return statement;
    }

    private static String next(EventSchema schema) {
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " ASC LIMIT ?";
    }

}
