package dev.bazaar.eventstore.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reads a page of events by walking bounded windows of positions from {@code after} up to a horizon, one query per
 * window, until the page is full. Each query joins and sorts at most one window, so its cost does not depend on the
 * planner's statistics (without them PostgreSQL hash-joined everything up to the horizon for every page, measured on
 * 1M events; docs/benchmarks.md).
 */
public final class PositionWindows {

    /** One window's query: at most {@code limit} events with positions in ({@code after}, {@code through}]. */
    @FunctionalInterface
    public interface Query<T> {
        List<T> read(long after, long through, int limit);
    }

    /** The events found, and where the next page starts: the last one's position, or the horizon when not full. */
    public record Page<T>(List<T> events, long next) {
    }

    private PositionWindows() {
    }

    public static <T> Page<T> read(long after, long horizon, long window, int limit, Query<T> query,
            ToLongFunction<T> position) {
        List<T> found = new ArrayList<>();
        for (long start = after; found.size() < limit && start < horizon; start = Math.min(horizon, start + window)) {
            found.addAll(query.read(start, Math.min(horizon, start + window), limit - found.size()));
        }
        long next = found.size() == limit ? position.applyAsLong(found.get(found.size() - 1)) : Math.max(after,
                horizon);
        return new Page<>(found, next);
    }

}
