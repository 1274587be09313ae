package dev.bazaar.query.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cache-aside in Redis for values a projection invalidates by bumping a generation counter after it commits. A
 * value is stored only if the generation did not move between reading it and writing the value (checked atomically),
 * so a value built from a read model that changed meanwhile is never cached. Redis down: the value is built.
 */
@Component
public class GenerationCache {

    private static final Logger log = LoggerFactory.getLogger(GenerationCache.class);

    /** KEYS: value, generation. ARGV: value, generation read before building, ttl seconds. */
    private static final String PUT_IF_UNCHANGED = """
            if (redis.call('GET', KEYS[2]) or '0') == ARGV[2] then
              redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) return 1
            end
            return 0
            """;

    private final UnifiedJedis redis;

    GenerationCache(UnifiedJedis redis) {
        this.redis = redis;
    }

    public String cachedOrBuild(String key, String generationKey, Duration ttl, Supplier<String> build) {
        String generation;
        try {
            String cached = redis.get(key);
            if (cached != null) {
                return cached;
            }
            String current = redis.get(generationKey);
            generation = current == null ? "0" : current;
        }
        catch (RuntimeException e) {
            log.warn("Cache unavailable, reading PostgreSQL: {}", e.toString());
            return build.get();
        }
        String value = build.get();
        try {
            redis.eval(PUT_IF_UNCHANGED, List.of(key, generationKey),
                    List.of(value, generation, Long.toString(ttl.toSeconds())));
        }
        catch (RuntimeException e) {
            log.warn("Cache write failed: {}", e.toString());
        }
        return value;
    }

}
