package dev.bazaar.eventstore.rows;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A query for stored event rows, the one place that knows the event table: its name, its columns and how a row is
 * read ({@link StoredEvent}). Readers that need more than the row (the audit chain's digest at each position, the
 * auditors' index) join their tables to it, aliased {@code e}; their columns come after the row's, from index
 * {@link #EXTRA} on. Conditions and joins carry their own arguments, bound in the order the SQL has them.
 */
public final class EventRowQuery {

    /** The index of the first joined column in a result row. */
    public static final int EXTRA = 11;

    private final List<String> extraColumns = new ArrayList<>();

    private final List<String> joins = new ArrayList<>();

    private final List<Object> joinArguments = new ArrayList<>();

    private final List<String> conditions = new ArrayList<>();

    private final List<Object> conditionArguments = new ArrayList<>();

    private String order = "e.global_index";

    private Integer limit;

    private EventRowQuery() {
    }

    /** Every stored event, in position order unless told otherwise. */
    public static EventRowQuery events() {
        return new EventRowQuery();
    }

    /** A further column of a joined table, read after the row's ({@link #EXTRA}). */
    public EventRowQuery alsoSelect(String column) {
        extraColumns.add(column);
        return this;
    }

    public EventRowQuery join(String clause, Object... arguments) {
        joins.add(clause);
        joinArguments.addAll(List.of(arguments));
        return this;
    }

    public EventRowQuery where(String condition, Object... arguments) {
        conditions.add(condition);
        conditionArguments.addAll(List.of(arguments));
        return this;
    }

    /** Positions after {@code after}, up to and including {@code through}. */
    public EventRowQuery positions(long after, long through) {
        return where("e.global_index > ? AND e.global_index <= ?", after, through);
    }

    public EventRowQuery after(long position) {
        return where("e.global_index > ?", position);
    }

    /** Only these stored payload types (class names); all when empty. */
    public EventRowQuery ofPayloadTypes(Set<String> payloadTypes) {
        return payloadTypes.isEmpty() ? this
                : where("e.payload_type = ANY (?)", (Object) payloadTypes.toArray(String[]::new));
    }

    /** Only aggregates of this type (the simple name the store records); all when null. */
    public EventRowQuery ofAggregateType(String aggregateType) {
        return aggregateType == null ? this : where("e.type = ?", aggregateType);
    }

    /** One aggregate's events, in its own sequence. */
    public EventRowQuery ofAggregate(String aggregateType, String aggregateId) {
        order = "e.sequence_number";
        return where("e.aggregate_identifier = ?", aggregateId).ofAggregateType(aggregateType);
    }

    public EventRowQuery orderBy(String expression) {
        this.order = expression;
        return this;
    }

    public EventRowQuery limit(int rows) {
        this.limit = rows;
        return this;
    }

    public String sql() {
        var sql = new StringBuilder("SELECT ").append(StoredEvent.columns("e"));
        extraColumns.forEach(column -> sql.append(", ").append(column));
        sql.append(" FROM domain_event_entry e");
        joins.forEach(join -> sql.append(' ').append(join));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(order);
        if (limit != null) {
            sql.append(" LIMIT ?");
        }
        return sql.toString();
    }

    public Object[] arguments() {
        List<Object> all = new ArrayList<>(joinArguments);
        all.addAll(conditionArguments);
        if (limit != null) {
            all.add(limit);
        }
        return all.toArray();
    }

    /** Reads one result row: the stored event, and the joined columns from {@link #EXTRA} on. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(StoredEvent event, ResultSet row) throws SQLException;
    }

    public <T> List<T> list(JdbcTemplate jdbc, RowReader<T> reader) {
        return jdbc.query(sql(), (row, n) -> reader.read(StoredEvent.read(row), row), arguments());
    }

    public List<StoredEvent> list(JdbcTemplate jdbc) {
        return list(jdbc, (event, row) -> event);
    }

    /**
     * The query prepared on a connection of the caller's (tools that run without the application), read in chunks of
     * {@code fetchSize} rows: PostgreSQL's driver streams with a cursor only inside a transaction, which the caller
     * holds.
     */
    public PreparedStatement prepare(Connection connection, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql());
        statement.setFetchSize(fetchSize);
        Object[] arguments = arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            }
            else {
                statement.setObject(i + 1, arguments[i]);
            }
        }
        return statement;
    }

}
