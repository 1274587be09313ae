package dev.bazaar.localstripe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures to inject, by route: answer late (after doing the work) or fail with a status (without doing it). */
public final class Faults {

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();

    /**
     * The next {@code times} requests to the route (e.g. "POST /v1/payment_intents/{id}/capture") answer after
     * delayMillis.
     */
    public void delay(String route, long delayMillis, int times) {
        armed.put(route, new Armed(new Fault(delayMillis, 0), new AtomicInteger(times)));
    }

    /** The next {@code times} requests to the route fail with status, changing nothing. */
    public void fail(String route, int status, int times) {
        armed.put(route, new Armed(new Fault(0, status), new AtomicInteger(times)));
    }

    Fault take(String route) {
        Armed fault = armed.get(route);
        if (fault == null || fault.remaining().getAndDecrement() <= 0) {
            return null;
        }
        return fault.fault();
    }

    record Fault(long delayMillis, int status) {

    }

    private record Armed(Fault fault, AtomicInteger remaining) {

    }

}
