package dev.bazaar.app.security;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every instance. One Lua script refills and takes a token atomically, using
 * Redis's own clock so that instances with skewed clocks still share one bucket fairly.
 */
@Component
public class RateLimiter {

    /** KEYS[1] bucket; ARGV capacity, tokens per millisecond. Answers {allowed, remaining, retry ms, full ms}. */
    private static final String TAKE = """
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1])
            local at = tonumber(bucket[2])
            if tokens == nil then
              tokens = capacity
              at = now
            end
            tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            local full = math.ceil((capacity - tokens) / rate)
            redis.call('PEXPIRE', KEYS[1], full + 1000)
            local retry = 0
            if allowed == 0 then
              retry = math.ceil((1 - tokens) / rate)
            end
            return {allowed, math.floor(tokens), retry, full}
            """;

    private final UnifiedJedis redis;

    private volatile String sha;

    RateLimiter(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** A bucket's size and how long an empty one takes to fill again. */
    public record Limit(long capacity, Duration refillPeriod) {

        double tokensPerMilli() {
            return (double) capacity / refillPeriod.toMillis();
        }

    }

    /** The answer for one request: whether it may go on, and the numbers for the RateLimit headers. */
    public record Decision(boolean allowed, long limit, long remaining, Duration retryAfter, Duration untilFull) {
    }

    public Decision take(String key, Limit limit) {
        List<String> args = List.of(Long.toString(limit.capacity()), Double.toString(limit.tokensPerMilli()));
        Object reply;
        try {
            reply = redis.evalsha(sha(), List.of(key), args);
        }
        catch (JedisNoScriptException e) {
            sha = null;
            reply = redis.eval(TAKE, List.of(key), args);
        }
        List<?> values = (List<?>) reply;
        return new Decision(((Long) values.get(0)) == 1, limit.capacity(), (Long) values.get(1),
                Duration.ofMillis((Long) values.get(2)), Duration.ofMillis((Long) values.get(3)));
    }

    private String sha() {
        String loaded = sha;
        if (loaded == null) {
            loaded = redis.scriptLoad(TAKE);
            sha = loaded;
        }
        return loaded;
    }

}
