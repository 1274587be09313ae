package dev.bazaar.audit.chain;

import dev.bazaar.readmodel.audit.ChainLink;
import dev.bazaar.readmodel.audit.CheckpointKey;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.eventstore.rows.StoredEvent;
import dev.bazaar.eventstore.rows.StoredEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the chain from the event store, from the first position, and compares it with the stored chain and the
 * signed checkpoints. The first position where they disagree is named, with what disagrees. Reads in one pass, in
 * position order (a merge of the two primary keys), so it runs as fast as rows can be read and hashed.
 */
public final class ChainVerifier {

    private static final String CHAIN = "SELECT position, digest, event_identifier IS NULL FROM audit_chain "
            + "ORDER BY position";

    private static final String CHECKPOINTS = "SELECT position, signature, key_id FROM audit_checkpoint "
            + "ORDER BY position";

    private final CheckpointKey key;

    public ChainVerifier(CheckpointKey key) {
        this.key = key;
    }

    /** Runs in its own read-only transaction on the given connection (needed to stream the rows). */
    public VerificationReport verify(Connection connection) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        // one snapshot for every statement: the chain keeps growing while we read
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        // three cursors, each an index scan in key order, merged here: no sort of the whole history in PostgreSQL
        try (PreparedStatement chain = cursor(connection, CHAIN);
                PreparedStatement events = EventRowQuery.events().prepare(connection, 5_000);
                PreparedStatement checkpoints = cursor(connection, CHECKPOINTS);
                ResultSet chained = chain.executeQuery();
                ResultSet stored = events.executeQuery();
                ResultSet signed = checkpoints.executeQuery()) {
            var walker = new Walker(signed);
            boolean moreChained = chained.next();
            boolean moreStored = stored.next();
            while (walker.divergence == null && moreChained) {
                long position = chained.getLong(1);
                StoredEvent event = moreStored && stored.getLong(1) <= position ? StoredEvent.read(stored) : null;
                if (event != null && event.position() < position) {
                    walker.diverge(event.position(), "the chain has no entry for this stored event");
                    break;
                }
                walker.step(position, chained.getBytes(2), chained.getBoolean(3), event);
                moreChained = chained.next();
                if (event != null) {
                    moreStored = stored.next();
                }
            }
            long storeHead = StoredEvents.head(connection);
            connection.commit();
            return walker.report(storeHead, System.nanoTime() - started);
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static PreparedStatement cursor(Connection connection, String query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query);
        statement.setFetchSize(5_000);
        return statement;
    }

    private final class Walker {

        private final ChainLink link = new ChainLink();

        private final ResultSet checkpoints;

        private boolean moreCheckpoints;

        private byte[] previous = ChainLink.GENESIS;

        private long verifiedThrough;

        private long positions;

        private long checkpointsVerified;

        private VerificationReport.Divergence divergence;

        Walker(ResultSet checkpoints) throws SQLException {
            this.checkpoints = checkpoints;
            this.moreCheckpoints = checkpoints.next();
        }

        /** One chained position, with the stored event at it (null when the store has none there). */
        void step(long position, byte[] storedDigest, boolean gap, StoredEvent event) throws SQLException {
            byte[] canonical;
            if (gap && event != null) {
                diverge(position, "an event appeared at this position after the chain had recorded it as a gap");
                return;
            } else if (gap) {
                canonical = StoredEvent.gapBytes(position);
            } else if (event == null) {
                diverge(position, "the chained event is no longer in the event store");
                return;
            } else {
                canonical = event.canonicalBytes();
            }
            byte[] digest = link.next(previous, canonical);
            if (!Arrays.equals(digest, storedDigest)) {
                diverge(position, gap ? "the chain's record of this gap was altered"
                        : "the stored event differs from the event that was chained here");
                return;
            }
            if (moreCheckpoints && checkpoints.getLong(1) == position) {
                if (!key.id().equals(checkpoints.getString(3))
                        || !key.verifies(position, digest, checkpoints.getBytes(2))) {
                    diverge(position, "the signed checkpoint here does not match the recomputed history: "
                            + "events at or before this position were rewritten together with the chain");
                    return;
                }
                checkpointsVerified++;
                moreCheckpoints = checkpoints.next();
            }
            previous = digest;
            verifiedThrough = position;
            positions++;
        }

        void diverge(long position, String reason) {
            divergence = new VerificationReport.Divergence(position, reason);
        }

        VerificationReport report(long storeHead, long nanos) {
            double seconds = nanos / 1e9;
            return new VerificationReport(divergence == null ? "OK" : "DIVERGED", verifiedThrough, storeHead,
                    positions, checkpointsVerified, divergence, Math.round(seconds * 1000),
                    seconds > 0 ? Math.round(positions / seconds) : positions);
        }

    }

}
