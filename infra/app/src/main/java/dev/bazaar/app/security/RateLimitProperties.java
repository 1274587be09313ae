package dev.bazaar.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Token buckets and the login lock ({@code bazaar.rate-limit.*}; ADR 0007). The buckets' sizes are set in
 * application.yml (each with its environment variable); an instance without them does not start.
 *
 * @param enabled       off only for tests of other things, never in production
 * @param anonymous     per client address, without a token
 * @param authenticated per user
 * @param sensitive     per client address on login, password reset and email verification
 * @param login         failed logins that lock an account, and for how long
 */
@ConfigurationProperties("bazaar.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @NotNull @Valid Bucket anonymous,
        @NotNull @Valid Bucket authenticated, @NotNull @Valid Bucket sensitive, @DefaultValue Login login) {

    /** {@code capacity} requests, refilled whole every {@code refillPeriod}. */
    public record Bucket(@Positive long capacity, @DefaultValue("PT1M") Duration refillPeriod) {
    }

    /** {@code maxFailures} wrong passwords within {@code window} lock the account for the window (doubling). */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration window) {
    }

}
