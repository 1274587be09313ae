package dev.bazaar.eventstore.balance;

import java.util.Comparator;
import java.util.List;

/**
 * How many segments one instance should hold when {@code instances} share {@code segments}, and which of its own to
 * let go of when it holds more: the largest rounded up, so that the shares add up to every segment and none is left
 * unclaimed.
 */
record FairShare(int segments, int instances) {

    FairShare {
        instances = Math.max(1, instances);
    }

    int perInstance() {
        return (segments + instances - 1) / instances;
    }

    /** The held segments beyond the fair share: the last by processor name and segment, so choices are stable. */
    List<HeldSegment> toRelease(List<HeldSegment> held) {
        int excess = held.size() - perInstance();
        if (excess <= 0) {
            return List.of();
        }
        return held.stream().sorted(Comparator.comparing(HeldSegment::processor).thenComparing(HeldSegment::segment)
                .reversed()).limit(excess).toList();
    }

    record HeldSegment(String processor, int segment) {
    }

}
