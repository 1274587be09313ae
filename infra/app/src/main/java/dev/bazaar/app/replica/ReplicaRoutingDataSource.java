package dev.bazaar.app.replica;

import com.zaxxer.hikari.HikariDataSource;
import dev.bazaar.readmodel.source.ReadRouting;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's one DataSource when a read replica is configured: the primary, except for the reads of a request
 * that {@link ReadRouting} sends to the replica while the replica is usable. Spring's transactions, Flyway, Axon's
 * token store and every writer see the primary; {@link #unwrap} finds the primary's pool, for its metrics.
 */
final class ReplicaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource primary;

    private final HikariDataSource replica;

    private final ReplicaMonitor monitor;

    ReplicaRoutingDataSource(HikariDataSource primary, HikariDataSource replica, ReplicaMonitor monitor) {
        super(primary);
        this.primary = primary;
        this.replica = replica;
        this.monitor = monitor;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (ReadRouting.onReplica()) {
            if (monitor.usable()) {
                try {
                    return replica.getConnection();
                } catch (SQLException e) {
                    monitor.unreachable(e);
                }
            }
            ReadRouting.fallBackToPrimary();
        }
        return primary.getConnection();
    }

    ReplicaMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        monitor.close();
        replica.close();
        primary.close();
    }

}
