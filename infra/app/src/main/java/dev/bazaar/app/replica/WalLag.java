package dev.bazaar.app.replica;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far in time a standby's replay is behind its primary. Each probe notes the primary's WAL position; the standby
 * is as far behind as the oldest noted position it has not replayed yet. A byte count alone says nothing about time,
 * and the standby's last replayed transaction time is old whenever the primary is idle.
 */
final class WalLag {

    private record Sample(long nanos, long lsn) {
    }

    private final Deque<Sample> unreplayed = new ArrayDeque<>();

    private final int maxSamples;

    WalLag(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    /** Notes the primary's position at {@code nanos}, then returns the standby's lag in nanoseconds at that time. */
    synchronized long observe(long nanos, long primaryLsn, long replayedLsn) {
        if (unreplayed.isEmpty() || unreplayed.peekLast().lsn() < primaryLsn) {
            unreplayed.addLast(new Sample(nanos, primaryLsn));
        }
        while (!unreplayed.isEmpty() && unreplayed.peekFirst().lsn() <= replayedLsn) {
            unreplayed.removeFirst();
        }
        if (unreplayed.size() > maxSamples) { // drops the second oldest: the oldest is what the lag is measured from
            Sample oldest = unreplayed.removeFirst();
            unreplayed.removeFirst();
            unreplayed.addFirst(oldest);
        }
        return unreplayed.isEmpty() ? 0 : nanos - unreplayed.peekFirst().nanos();
    }

    /** A PostgreSQL {@code pg_lsn} such as {@code 0/3000148} as a byte position. */
    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }

}
