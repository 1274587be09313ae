package dev.bazaar.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long idempotency keys are kept ({@code bazaar.idempotency.*}; how often they are swept is
 * {@code bazaar.idempotency.cleanup-interval}, read by its schedule).
 *
 * @param retention a retry later than this is a new request, as payment APIs do it
 * @param lease     how long a claimed key without an answer is left to its request; after that, a retry takes the
 *                  claim over and runs the request again (its commands still execute once): longer than any request
 */
@ConfigurationProperties("bazaar.idempotency")
public record IdempotencyProperties(@DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT10S") Duration lease) {
}
