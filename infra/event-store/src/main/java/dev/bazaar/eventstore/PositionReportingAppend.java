package dev.bazaar.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's own insert of events, with the global positions PostgreSQL assigned returned by the same statement
 * ({@code RETURNING global_index}) and reported to {@link AppendedEvents} before the statement closes. The command's
 * answer ({id, version, position}) then needs no query after the commit: that query was one more round trip on
 * every command. The SQL and bindings stay Axon's ({@link JdbcEventStorageEngineStatements#appendEvents}): only the
 * connection it prepares on is wrapped to ask for the generated column.
 */
final class PositionReportingAppend implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
            List<? extends EventMessage<?>> events, Serializer serializer, TimestampWriter timestampWriter)
            throws SQLException {
        Connection returningPositions = proxy(Connection.class, connection, (method, args) ->
                method.getName().equals("prepareStatement") && args != null && args.length == 1
                        ? reportingOnClose(connection.prepareStatement((String) args[0],
                                new String[] {schema.globalIndexColumn()}), events)
                        : method.invoke(connection, args));
        return JdbcEventStorageEngineStatements.appendEvents(returningPositions, schema, dataType, events, serializer,
                timestampWriter);
    }

    /** Axon closes the statement after executing its batch: the positions are read just before. */
    private static PreparedStatement reportingOnClose(PreparedStatement statement,
            List<? extends EventMessage<?>> events) {
        return proxy(PreparedStatement.class, statement, (method, args) -> {
            if (method.getName().equals("close") && !statement.isClosed()) {
                report(statement, events);
            }
            return method.invoke(statement, args);
        });
    }

    private static void report(PreparedStatement statement, List<? extends EventMessage<?>> events) {
        try (ResultSet positions = statement.getGeneratedKeys()) {
            for (int i = 0; positions.next() && i < events.size(); i++) {
                if (events.get(i) instanceof DomainEventMessage<?> event) {
                    AppendedEvents.appended(event.getAggregateIdentifier(), event.getSequenceNumber(),
                            positions.getLong(1));
                }
            }
        } catch (SQLException e) {
            // the batch failed (Axon reports that); there is nothing to answer with
        }
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(PositionReportingAppend.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    try {
                        return call.invoke(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

}
