package dev.bazaar.command.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Aggregates kept in memory between commands ({@code bazaar.aggregate-cache.*}).
 *
 * @param maximumEntries at most this many; an evicted aggregate is loaded from the store again when next used
 * @param idleTime       how long an unused one stays
 */
@ConfigurationProperties("bazaar.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("100000") long maximumEntries,
        @DefaultValue("PT2M") Duration idleTime) {
}
