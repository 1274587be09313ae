package dev.bazaar.app.replica;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the read replica may serve reads now: it answers, is a standby, and its replay is within
 * {@code maxLag} of the primary. Probed on a timer of its own, and marked unreachable at once when a request cannot
 * get a connection to it, so that requests do not each wait for the standby's connection timeout.
 */
final class ReplicaMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    /** What the last probe found; {@code problem} is null when the replica may serve. */
    record Status(boolean reachable, long lagMillis, long lagBytes, boolean replayPaused, String problem) {

        boolean usable() {
            return problem == null;
        }
    }

    private final DataSource primary;

    private final DataSource replica;

    private final long maxLagNanos;

    private final WalLag lag = new WalLag(600);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-replica-probe");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Status status = new Status(false, 0, 0, false, "not probed yet");

    ReplicaMonitor(DataSource primary, DataSource replica, Duration maxLag) {
        this.primary = primary;
        this.replica = replica;
        this.maxLagNanos = maxLag.toNanos();
    }

    void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Status status() {
        return status;
    }

    boolean usable() {
        return status.usable();
    }

    void unreachable(SQLException cause) {
        if (status.reachable()) {
            log.warn("Read replica unreachable, reading the primary until it answers again: {}", cause.toString());
        }
        status = new Status(false, status.lagMillis(), status.lagBytes(), status.replayPaused(), cause.getMessage());
    }

    void probe() {
        long now = System.nanoTime();
        long primaryLsn;
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            row.next();
            primaryLsn = WalLag.parse(row.getString(1));
        } catch (SQLException | RuntimeException e) {
            return; // the primary's own trouble is the db health indicator's to report
        }
        Status previous = status;
        status = probeReplica(now, primaryLsn);
        if (previous.usable() != status.usable()) {
            if (status.usable()) {
                log.info("Read replica serves reads again");
            } else {
                log.warn("Read replica not used, reading the primary: {}", status.problem());
            }
        }
    }

    private Status probeReplica(long now, long primaryLsn) {
        try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                        + " CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END")) {
            row.next();
            if (!row.getBoolean(1) || row.getString(2) == null) {
                return new Status(true, 0, 0, false, "the read replica is not a streaming standby");
            }
            long replayed = WalLag.parse(row.getString(2));
            long lagNanos = lag.observe(now, primaryLsn, replayed);
            boolean paused = row.getBoolean(3);
            long lagMillis = TimeUnit.NANOSECONDS.toMillis(lagNanos);
            String problem = lagNanos > maxLagNanos ? "replay is " + lagMillis + " ms behind the primary"
                    + (paused ? " (paused)" : "") : null;
            return new Status(true, lagMillis, Math.max(0, primaryLsn - replayed), paused, problem);
        } catch (SQLException | RuntimeException e) {
            return new Status(false, status.lagMillis(), status.lagBytes(), false, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

}
