package dev.bazaar.app.config;

import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.SearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;

/** Connections to Redis and the names of the read models that live outside PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class ServicesConfiguration {

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(@Value("${bazaar.redis.host:127.0.0.1}") String host,
            @Value("${bazaar.redis.port:6379}") int port,
            @Value("${bazaar.redis.timeout:PT0.5S}") Duration timeout,
            @Value("${bazaar.redis.pool-size:64}") int poolSize) {
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(4);
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .build();
        return new JedisPooled(pool, new HostAndPort(host, port), client);
    }

    @Bean
    CacheKeys cacheKeys(@Value("${bazaar.cache.prefix:bazaar:}") String prefix) {
        return new CacheKeys(prefix);
    }

    @Bean
    SearchIndex searchIndex(@Value("${bazaar.search.index:bazaar-listings}") String name) {
        return new SearchIndex(name);
    }

}
