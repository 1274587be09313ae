package dev.bazaar.projections.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Rebuilds beside the live read model ({@code bazaar.rebuild.*}; ADR 0012).
 *
 * @param batchSize         events per transaction while replaying into the twin tables
 * @param switchLockTimeout how long the switch waits for readers of the live tables, each attempt
 * @param switchAttempts    attempts before the rebuild fails and the live read model stays
 */
@ConfigurationProperties("bazaar.rebuild")
public record RebuildProperties(@DefaultValue("1000") int batchSize, @DefaultValue("2s") Duration switchLockTimeout,
        @DefaultValue("3") int switchAttempts) {
}
