package dev.bazaar.command.common;

import java.util.List;

/**
 * A rule of the domain said no. Each subclass names one rule; the REST layer turns it into problem+json with
 * the subclass's stable type, so clients can react to the rule rather than parse a message.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String type;

    private final int status;

    private final List<Violation> violations;

    protected RuleViolation(String type, int status, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    protected RuleViolation(String type, int status, String detail) {
        this(type, status, detail, List.of());
    }

    /** The last segment of the problem type URI, e.g. {@code listing-closed}. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds after which a retry may succeed (sent as Retry-After), or 0 when a retry will not help. */
    public long retryAfterSeconds() {
        return 0;
    }

}
