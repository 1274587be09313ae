package dev.bazaar.app.observability;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/** Redis answers PING. */
@Component("redisHealthIndicator")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final UnifiedJedis redis;

    RedisHealthIndicator(UnifiedJedis redis) {
        super("Redis is unreachable");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String pong = redis.ping();
        builder.status("PONG".equalsIgnoreCase(pong) ? "UP" : "DOWN");
    }

}
