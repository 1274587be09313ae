package dev.bazaar.app.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/** The connection to Redis, shared by the caches, the projections that invalidate them and the rate limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisConnectionProperties.class)
class ServicesConfiguration {

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(RedisConnectionProperties redis) {
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(redis.poolSize());
        pool.setMaxIdle(redis.poolSize());
        pool.setMinIdle(4);
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) redis.timeout().toMillis())
                .socketTimeoutMillis((int) redis.timeout().toMillis())
                .build();
        return new JedisPooled(pool, new HostAndPort(redis.host(), redis.port()), client);
    }

}
