package dev.bazaar.projections.rebuild;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One rebuild of a projection at a time across every instance on the database: a PostgreSQL session advisory lock,
 * held on a connection of its own for as long as the rebuild runs. PostgreSQL releases it if the instance dies.
 */
final class RebuildLock implements AutoCloseable {

    /** The first key of Bazaar's rebuild locks ("bazR"); the second is the projection name's hash. */
    private static final int REBUILDS = 0x62617a52;

    private final Connection connection;

    private final int projection;

    private RebuildLock(Connection connection, int projection) {
        this.connection = connection;
        this.projection = projection;
    }

    /** The lock for the projection, or empty if a rebuild of it holds the lock (here or on another instance). */
    static Optional<RebuildLock> tryTake(DataSource dataSource, String projection) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, REBUILDS);
                lock.setInt(2, projection.hashCode());
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return Optional.of(new RebuildLock(connection, projection.hashCode()));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the rebuild lock of " + projection, e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, REBUILDS);
            unlock.setInt(2, projection);
            unlock.execute();
        }
        catch (SQLException e) {
            // closing the connection below ends the session's locks all the same
        }
        finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException e) {
            // nothing more to release
        }
    }

}
