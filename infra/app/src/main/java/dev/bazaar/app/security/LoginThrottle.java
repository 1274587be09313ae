package dev.bazaar.app.security;

import dev.bazaar.readmodel.CacheKeys;
import org.springframework.stereotype.Component;
import dev.bazaar.kernel.problem.Refusal;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;

/**
 * Locks an account's logins after repeated failures, across all instances: {@code max-failures} wrong passwords
 * within the window lock it for the window, and each further lockout within a day doubles the lock (back-off).
 * Keyed by the email's keyed index, so Redis never sees an address. Fails closed: without Redis, no login.
 */
@Component
class LoginThrottle {

    private static final long MAX_LOCK_DOUBLINGS = 6;

    private final UnifiedJedis redis;

    private final String prefix;

    private final int maxFailures;

    private final Duration window;

    LoginThrottle(UnifiedJedis redis, CacheKeys keys, RateLimitProperties limits) {
        this.redis = redis;
        this.prefix = keys.prefix() + "login:";
        this.maxFailures = limits.login().maxFailures();
        this.window = limits.login().window();
    }

    void requireNotLocked(String emailIndex) {
        long lockedForMillis;
        try {
            lockedForMillis = redis.pttl(prefix + "lock:" + emailIndex);
        }
        catch (JedisException e) {
            throw new LoginUnavailable();
        }
        if (lockedForMillis > 0) {
            throw new TooManyRequests("login-locked",
                    "Too many failed logins for this account; try again later.",
                    Duration.ofMillis(lockedForMillis));
        }
    }

    void failed(String emailIndex) {
        String failures = prefix + "failures:" + emailIndex;
        long count = redis.incr(failures);
        if (count == 1) {
            redis.pexpire(failures, window.toMillis());
        }
        if (count >= maxFailures) {
            String lockouts = prefix + "lockouts:" + emailIndex;
            long lockout = redis.incr(lockouts);
            redis.expire(lockouts, Duration.ofDays(1).toSeconds());
            long lockMillis = window.toMillis() << Math.min(lockout - 1, MAX_LOCK_DOUBLINGS);
            redis.psetex(prefix + "lock:" + emailIndex, lockMillis, "1");
            redis.del(failures);
        }
    }

    void succeeded(String emailIndex) {
        redis.del(prefix + "failures:" + emailIndex);
    }

    /** Without the throttle's store, failures could not be counted: logins wait rather than go unguarded. */
    static class LoginUnavailable extends Refusal {

        LoginUnavailable() {
            super("login-unavailable", 503, "Logging in is unavailable for a moment; try again shortly.");
        }

        @Override
        public long retryAfterSeconds() {
            return 5;
        }

    }

}
