package dev.bazaar.readmodel.source;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which database the current thread's reads go to. Only a query request sent to the read replica
 * ({@code bazaar.read-replica.url}) changes it, for the length of the request; everything else (commands, processors,
 * tokens, migrations, admin reads) reads the primary. A request moves back to the primary when the replica cannot be
 * reached or has not replayed far enough for its {@code consistentWith} in time.
 */
public final class ReadRouting {

    /** Where a request's reads went: the replica, or the primary after falling back from it. */
    public enum Source {
        REPLICA, PRIMARY;

        public String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ThreadLocal<Source> CURRENT = new ThreadLocal<>();

    private ReadRouting() {
    }

    /** The source of a request routed to the replica, or null when the thread reads the primary as usual. */
    public static Source routed() {
        return CURRENT.get();
    }

    public static boolean onReplica() {
        return CURRENT.get() == Source.REPLICA;
    }

    public static void readFromReplica() {
        CURRENT.set(Source.REPLICA);
    }

    /** The replica cannot serve this request: its remaining reads go to the primary. */
    public static void fallBackToPrimary() {
        if (CURRENT.get() != null) {
            CURRENT.set(Source.PRIMARY);
        }
    }

    /** Runs {@code reads} on the primary, whatever this request reads from otherwise. */
    public static <T> T onPrimary(Supplier<T> reads) {
        Source routed = CURRENT.get();
        CURRENT.set(Source.PRIMARY);
        try {
            return reads.get();
        } finally {
            CURRENT.set(routed);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

}
