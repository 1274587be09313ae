package dev.bazaar.projections.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projections' dead-letter queues ({@code bazaar.dead-letters.*}).
 *
 * @param maxSequences aggregates a projection may park before it stops
 * @param cacheSize    parked aggregates remembered in memory per segment (the others are not asked about)
 */
@ConfigurationProperties("bazaar.dead-letters")
public record DeadLetterProperties(@DefaultValue("1024") int maxSequences, @DefaultValue("1024") int cacheSize) {
}
