package dev.bazaar.projections.audit;

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

    private static final String WALK = "SELECT c.position, c.digest, c.event_identifier IS NULL AND c.position IS NOT "
            + "NULL, k.signature, k.key_id, " + prefixed("e.") + " FROM audit_chain c "
            + "FULL JOIN domain_event_entry e ON e.global_index = c.position "
            + "LEFT JOIN audit_checkpoint k ON k.position = c.position "
            + "ORDER BY coalesce(c.position, e.global_index)";

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
        try (PreparedStatement walk = connection.prepareStatement(WALK)) {
            walk.setFetchSize(5_000);
            var walker = new Walker(head(connection, "SELECT coalesce(max(position), 0) FROM audit_chain"));
            try (ResultSet rows = walk.executeQuery()) {
                while (rows.next() && walker.divergence == null) {
                    if (!walker.step(rows)) {
                        break;
                    }
                }
            }
            long storeHead = head(connection, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            connection.commit();
            return walker.report(storeHead, System.nanoTime() - started);
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long head(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String prefixed(String alias) {
        return alias + StoredEvent.COLUMNS.replace(", ", ", " + alias);
    }

    private final class Walker {

        private final ChainLink link = new ChainLink();

        private final long chainHead;

        private byte[] previous = ChainLink.GENESIS;

        private long verifiedThrough;

        private long positions;

        private long checkpoints;

        private VerificationReport.Divergence divergence;

        Walker(long chainHead) {
            this.chainHead = chainHead;
        }

        /** One row of the merge; false at the first event the chain has not reached yet. */
        boolean step(ResultSet row) throws SQLException {
            long chained = row.getLong(1);
            boolean inChain = !row.wasNull();
            long stored = row.getLong(6);
            boolean inStore = !row.wasNull();
            if (!inChain) {
                return stored < chainHead && diverge(stored, "the chain has no entry for this stored event");
            }
            boolean gap = row.getBoolean(3);
            byte[] canonical;
            if (gap && inStore) {
                return diverge(chained, "an event appeared at this position after the chain had recorded it as a gap");
            } else if (gap) {
                canonical = StoredEvent.gapBytes(chained);
            } else if (!inStore) {
                return diverge(chained, "the chained event is no longer in the event store");
            } else {
                canonical = eventAt(row).canonicalBytes();
            }
            byte[] digest = link.next(previous, canonical);
            if (!Arrays.equals(digest, row.getBytes(2))) {
                return diverge(chained, gap ? "the chain's record of this gap was altered"
                        : "the stored event differs from the event that was chained here");
            }
            byte[] signature = row.getBytes(4);
            if (signature != null) {
                if (!key.id().equals(row.getString(5)) || !key.verifies(chained, digest, signature)) {
                    return diverge(chained, "the signed checkpoint here does not match the recomputed history: "
                            + "events at or before this position were rewritten together with the chain");
                }
                checkpoints++;
            }
            previous = digest;
            verifiedThrough = chained;
            positions++;
            return true;
        }

        private StoredEvent eventAt(ResultSet row) throws SQLException {
            return new StoredEvent(row.getLong(6), row.getString(7), row.getString(8), row.getLong(9),
                    row.getString(10), row.getString(11), row.getString(12), row.getString(13), row.getBytes(14),
                    row.getBytes(15));
        }

        private boolean diverge(long position, String reason) {
            divergence = new VerificationReport.Divergence(position, reason);
            return false;
        }

        VerificationReport report(long storeHead, long nanos) {
            double seconds = nanos / 1e9;
            return new VerificationReport(divergence == null ? "OK" : "DIVERGED", verifiedThrough, storeHead,
                    positions, checkpoints, divergence, Math.round(seconds * 1000),
                    seconds > 0 ? Math.round(positions / seconds) : positions);
        }

    }

}
