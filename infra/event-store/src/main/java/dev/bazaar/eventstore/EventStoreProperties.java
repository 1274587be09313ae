package dev.bazaar.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How processors read the event store ({@code bazaar.event-store.*}).
 *
 * @param batchSize     events per query when a processor reads the store itself (catching up, replaying); Axon's
 *                      default is 100
 * @param headReadPace  at the head, the shortest time between two reads that feed the processors
 *                      ({@link PacedEventStorageEngine})
 * @param fetchDelayMs  how long a processor reading the store itself waits at the head before polling again
 * @param cachedEvents  events the store's shared reader keeps in memory for the processors that follow the head
 */
@ConfigurationProperties("bazaar.event-store")
public record EventStoreProperties(@DefaultValue("1000") int batchSize, @DefaultValue("PT0.01S") Duration headReadPace,
        @DefaultValue("50") long fetchDelayMs, @DefaultValue("20000") int cachedEvents) {
}
