package dev.bazaar.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long idempotency keys are kept ({@code bazaar.idempotency.*}; how often they are swept is
 * {@code bazaar.idempotency.cleanup-interval}, read by its schedule).
 *
 * @param retention a retry later than this is a new request, as payment APIs do it
 */
@ConfigurationProperties("bazaar.idempotency")
public record IdempotencyProperties(@DefaultValue("PT24H") Duration retention) {
}
