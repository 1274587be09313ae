package dev.bazaar.query.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.CacheProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cache-aside for listing detail in Redis. A view is stored only if its version is not below the listing's cache
 * floor, which the cache projection raises on every listing event (checked atomically in Redis), so a slow reader
 * can never put back a version that an event has already made stale. Redis trouble degrades to reading PostgreSQL.
 */
@Component
class ListingCache {

    private static final Logger log = LoggerFactory.getLogger(ListingCache.class);

    /** KEYS: value, floor. ARGV: json, version, ttl seconds. */
    private static final String PUT_IF_NOT_STALE = """
            local floor = tonumber(redis.call('GET', KEYS[2]) or '-1')
            if tonumber(ARGV[2]) >= floor then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) return 1 end
            return 0
            """;

    private final UnifiedJedis redis;

    private final CacheKeys keys;

    private final ObjectMapper json;

    private final String ttlSeconds;

    ListingCache(UnifiedJedis redis, CacheKeys keys, ObjectMapper json,
            CacheProperties caches) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.ttlSeconds = Long.toString(caches.listingTtl().toSeconds());
    }

    Optional<ListingView> get(UUID id) {
        try {
            String cached = redis.get(keys.listing(id));
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached, ListingView.class));
        }
        catch (RuntimeException | JsonProcessingException e) {
            log.warn("Listing cache read failed, reading PostgreSQL: {}", e.toString());
            return Optional.empty();
        }
    }

    void put(ListingView view) {
        try {
            redis.eval(PUT_IF_NOT_STALE, List.of(keys.listing(view.id()), keys.listingFloor(view.id())),
                    List.of(json.writeValueAsString(view), Long.toString(view.version()), ttlSeconds));
        }
        catch (RuntimeException | JsonProcessingException e) {
            log.warn("Listing cache write failed: {}", e.toString());
        }
    }

}
