package dev.bazaar.readmodel.position;

import dev.bazaar.readmodel.source.ReadRouting;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Read-your-writes: waits, boundedly, until a projection's tokens (every segment) cover a global event position.
 * "Covers" is gap-aware: a position inside a gap of the token (an event committed late, out of order) is not
 * covered even though the token's index is past it.
 * <p>
 * On the read replica the tokens read are the replica's own: a projection commits its token with its rows, so a token
 * the replica has replayed vouches for the rows beside it. The replica gets {@code replicaWait} to replay what the
 * projection committed on the primary; a request it cannot serve by then reads from the primary, and one the primary
 * cannot serve within {@code maxWait} either is answered 503. A stale answer is never given.
 */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;

    private final Serializer serializer;

    private final Duration maxWait;

    private final Duration replicaWait;

    ProjectionPositions(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
            ConsistencyProperties consistency) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = consistency.maxWait();
        this.replicaWait = consistency.replicaWait();
    }

    /** Returns once {@code projection} has passed {@code position}; throws {@link NotYetConsistent} after the wait. */
    public void awaitPosition(String projection, Long position) {
        if (position == null) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        if (ReadRouting.onReplica() && awaitOnReplica(projection, position, deadline)) {
            return;
        }
        ReadRouting.fallBackToPrimary();
        if (!waitUntil(projection, position, deadline)) {
            throw new NotYetConsistent(projection, position, 1);
        }
    }

    /** True once the replica has the position; false when it is more than replicaWait behind the primary. */
    private boolean awaitOnReplica(String projection, long position, long deadline) {
        long pauseMillis = 2;
        long primaryReachedAt = 0;
        boolean primaryReached = false;
        while (!reached(projection, position)) {
            long now = System.nanoTime();
            if (!primaryReached && ReadRouting.onPrimary(() -> reached(projection, position))) {
                primaryReached = true;
                primaryReachedAt = now;
            }
            if (now > deadline || primaryReached && now - primaryReachedAt > replicaWait.toNanos()) {
                return false;
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
        return true;
    }

    private boolean waitUntil(String projection, long position, long deadline) {
        long pauseMillis = 2;
        while (!reached(projection, position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
        return true;
    }

    public boolean reached(String projection, long position) {
        List<TrackingToken> tokens = tokens(projection);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, position));
    }

    /**
     * The lowest position any segment of the projection has reached, from the shared token table (so every
     * instance sees the same, whichever holds the segments), or -1 before it has processed anything.
     */
    public long lowestPosition(String projection) {
        List<TrackingToken> tokens = tokens(projection);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return -1;
        }
        return tokens.stream().mapToLong(token -> token.position().orElse(-1)).min().orElse(-1);
    }

    private List<TrackingToken> tokens(String projection) {
        return jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> rs.getBytes(1) == null ? null
                        : serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                                rs.getString(2), null)),
                projection);
    }

    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        if (token instanceof ReplayToken replay) {
            return covers(replay.getCurrentToken(), position);
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a projection", e);
        }
    }

}
