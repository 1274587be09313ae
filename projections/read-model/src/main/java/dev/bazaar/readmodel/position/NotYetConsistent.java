package dev.bazaar.readmodel.position;

import dev.bazaar.kernel.problem.Refusal;

import java.util.Map;

/** The read model has not reached the asked-for position within the wait; the client should retry shortly. */
public class NotYetConsistent extends Refusal {

    private final long position;

    private final long retryAfterSeconds;

    NotYetConsistent(String projection, long position, long retryAfterSeconds) {
        super("not-yet-consistent", 503, "The " + projection + " read model has not reached position " + position
                + " yet.");
        this.position = position;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("position", position);
    }

}
