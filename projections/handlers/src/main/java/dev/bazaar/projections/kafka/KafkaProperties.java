package dev.bazaar.projections.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The event stream on Kafka ({@code bazaar.kafka.*}); off unless {@code enabled}.
 *
 * @param enabled publish every event to {@code topic}
 * @param bootstrapServers the brokers, {@code host:port,...}
 * @param topic where the events go, keyed by aggregate id
 * @param partitions partitions of the topic when the publisher creates it
 * @param sendTimeout how long a batch waits for the broker before it fails and is retried
 */
@ConfigurationProperties("bazaar.kafka")
public record KafkaProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1:9092") String bootstrapServers, @DefaultValue("bazaar.events") String topic,
        @DefaultValue("4") int partitions, @DefaultValue("PT10S") Duration sendTimeout) {
}
