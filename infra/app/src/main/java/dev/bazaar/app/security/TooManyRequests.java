package dev.bazaar.app.security;

import dev.bazaar.kernel.problem.Refusal;

import java.time.Duration;

/** A rate limit or a login lock said no; answered 429 with Retry-After. */
public class TooManyRequests extends Refusal {

    private final Duration retryAfter;

    TooManyRequests(String type, String detail, Duration retryAfter) {
        super(type, 429, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

}
