package dev.bazaar.app.web;

import dev.bazaar.kernel.problem.Refusal;

import java.util.List;

/**
 * A database went away under the request (the primary restarting, a read replica stopped after it handed out a
 * connection): nothing was decided wrongly, so the client is told to retry, not that something broke. The same answer
 * whether a controller's statement failed (the MVC advice) or a filter's (the refusal filter).
 */
final class DatabaseUnavailable extends Refusal {

    DatabaseUnavailable() {
        super("database-unavailable", 503, "Service unavailable",
                "A database this request needs does not answer; retry shortly.", List.of());
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }

}
