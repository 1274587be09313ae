package dev.bazaar.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Redis server the caches and rate limits use ({@code bazaar.redis.*}).
 *
 * @param timeout  for connecting and for each answer: a slow Redis degrades reads instead of holding them up
 * @param poolSize connections kept, at most
 */
@ConfigurationProperties("bazaar.redis")
public record RedisConnectionProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
        @DefaultValue("PT0.5S") Duration timeout, @DefaultValue("64") int poolSize) {
}
