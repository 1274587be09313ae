package dev.bazaar.app.role;

import java.util.Locale;

/**
 * What one instance of the application does ({@code bazaar.role}). {@code all} is one JVM doing everything; the
 * other three are the sides of the architecture, each of which may run as several instances on one PostgreSQL.
 */
public enum Role {

    /** Everything in one JVM: the default, and what the integration suite runs. */
    ALL,

    /** The command API, aggregates, the order's payment process and its deadlines, the provider's webhooks. */
    COMMAND,

    /** The read models' event processors, the audit chain, dead letters and rebuilds (and their admin API). */
    PROJECTOR,

    /** The query API, search, audit and event-stream reads, API keys for pipelines. */
    QUERY;

    public static final String PROPERTY = "bazaar.role";

    /** Whether an instance of this role does the work of {@code side} (a side is never {@link #ALL}). */
    public boolean runs(Role side) {
        return this == ALL || this == side;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by the property's value; a value that names none stops the start with the choices. */
    public static Role of(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + " names no role: use all, command, projector"
                    + " or query");
        }
    }

}
