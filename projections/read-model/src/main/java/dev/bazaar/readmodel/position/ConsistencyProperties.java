package dev.bazaar.readmodel.position;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Read-your-writes ({@code bazaar.consistency.*}).
 *
 * @param maxWait how long a query with {@code consistentWith} waits for its projection before answering 503
 * @param replicaWait how much of that wait a query sent to the read replica spends there before it reads the primary
 */
@ConfigurationProperties("bazaar.consistency")
public record ConsistencyProperties(@DefaultValue("PT3S") Duration maxWait,
        @DefaultValue("PT0.5S") Duration replicaWait) {
}
