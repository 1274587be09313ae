package dev.bazaar.kernel.problem;

import java.util.List;
import java.util.Map;

/**
 * The answer no, with a reason a client can act on: a rule of the domain, a missing permission, an unknown id, a
 * service that cannot answer now. Each subclass names one reason; the web edge turns it into problem+json (RFC 9457)
 * with the subclass's stable type, so clients react to the reason rather than parse a message. No stack trace is
 * kept: a refusal is an answer, not a failure.
 */
public abstract class Refusal extends RuntimeException {

    private final String type;

    private final int status;

    private final String title;

    private final List<Violation> violations;

    protected Refusal(String type, int status, String detail, List<Violation> violations) {
        this(type, status, null, detail, violations);
    }

    protected Refusal(String type, int status, String detail) {
        this(type, status, null, detail, List.of());
    }

    /** With a title of its own rather than the type's words (as HTTP names a status, say). */
    protected Refusal(String type, int status, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** The last segment of the problem type URI, e.g. {@code listing-closed} ({@link ProblemType}). */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** A short summary for people; by default the type's words ({@code listing-closed}: "Listing closed"). */
    public String title() {
        if (title != null) {
            return title;
        }
        String words = type.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds after which a retry may succeed (sent as Retry-After), or 0 when a retry will not help. */
    public long retryAfterSeconds() {
        return 0;
    }

    /** Members of the problem beyond the standard ones (e.g. the position a query waited for). */
    public Map<String, Object> properties() {
        return Map.of();
    }

}
