package dev.bazaar.app.replica;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The read replica's state as the last probe found it. DOWN while queries read the primary instead; it is left out of
 * readiness on purpose: the primary serves every read the replica would, so the instance stays in rotation.
 */
final class ReadReplicaHealthIndicator extends AbstractHealthIndicator {

    private final ReplicaMonitor monitor;

    ReadReplicaHealthIndicator(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ReplicaMonitor.Status status = monitor.status();
        builder.status(status.usable() ? "UP" : "DOWN")
                .withDetail("reachable", status.reachable())
                .withDetail("lagMillis", status.lagMillis())
                .withDetail("lagBytes", status.lagBytes())
                .withDetail("replayPaused", status.replayPaused());
        if (!status.usable()) {
            builder.withDetail("readsFrom", "primary").withDetail("reason", status.problem());
        }
    }

}
