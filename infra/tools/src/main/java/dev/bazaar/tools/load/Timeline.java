package dev.bazaar.tools.load;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/** Answers per interval since the start of a run: how throughput grows while a fresh JVM warms up. */
final class Timeline {

    private final long startedNanos = System.nanoTime();

    private final AtomicLongArray perSecond;

    Timeline(long seconds) {
        this.perSecond = new AtomicLongArray((int) seconds + 2);
    }

    void answered() {
        int second = (int) ((System.nanoTime() - startedNanos) / 1_000_000_000L);
        if (second < perSecond.length()) {
            perSecond.incrementAndGet(second);
        }
    }

    /** Answers per second over the first {@code seconds}. */
    double perSecond(long seconds) {
        long count = 0;
        for (int second = 0; second < Math.min(seconds, perSecond.length()); second++) {
            count += perSecond.get(second);
        }
        return count / (double) seconds;
    }

    /** A Markdown table of the answers per second in each interval of {@code every} seconds. */
    String table(String unit, int every, long seconds) {
        var table = new StringBuilder("\n| from s | to s | " + unit + " per second |\n|---|---|---|\n");
        for (int from = 0; from < seconds; from += every) {
            long count = 0;
            int to = (int) Math.min(from + every, seconds);
            for (int second = from; second < to; second++) {
                count += perSecond.get(second);
            }
            table.append(String.format(Locale.ROOT, "| %d | %d | %.0f |%n", from, to, count / (double) (to - from)));
        }
        return table.toString();
    }

}
