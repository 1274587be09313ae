package dev.bazaar.app.security;

import dev.bazaar.readmodel.CacheKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Set;

/**
 * Rate limits every API request: per user when authenticated, per client address when not, plus a strict
 * per-address bucket on the endpoints that guess at secrets (login, password reset). Runs after Spring
 * Security's chain, so the user is known. Without Redis, general traffic goes on unlimited (a limiter outage
 * must not become an API outage) while logins fail closed in {@link LoginThrottle}.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private static final Set<String> SENSITIVE = Set.of("/api/v1/auth/token", "/api/v1/auth/password-reset",
            "/api/v1/auth/password-reset/confirm", "/api/v1/auth/verify-email");

    private final RateLimiter limiter;

    private final String prefix;

    private final boolean enabled;

    private final RateLimiter.Limit anonymous;

    private final RateLimiter.Limit authenticated;

    private final RateLimiter.Limit sensitive;

    RateLimitFilter(RateLimiter limiter, CacheKeys keys, RateLimitProperties limits) {
        this.limiter = limiter;
        this.prefix = keys.prefix() + "rate:";
        this.enabled = limits.enabled();
        this.anonymous = limit(limits.anonymous());
        this.authenticated = limit(limits.authenticated());
        this.sensitive = limit(limits.sensitive());
    }

    /**
     * Stripe's webhooks are not limited: a payment provider's bursts come from a handful of addresses, and each
     * request proves itself by its signature (a cheap HMAC) before anything else is done with it.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !enabled || !path.startsWith("/api/") || path.equals("/api/v1/webhooks/stripe");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision;
        try {
            decision = decide(request);
        }
        catch (JedisException e) {
            log.warn("Rate limiter unavailable, letting the request through: {}", e.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(decision.untilFull())));
        if (!decision.allowed()) {
            throw new TooManyRequests("rate-limited", "Too many requests; retry after the time in Retry-After.",
                    decision.retryAfter());
        }
        chain.doFilter(request, response);
    }

    private RateLimiter.Decision decide(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if ("POST".equals(request.getMethod()) && SENSITIVE.contains(request.getRequestURI())) {
            RateLimiter.Decision strict = limiter.take(prefix + "sensitive:" + client, sensitive);
            if (!strict.allowed()) {
                return strict;
            }
        }
        Principal user = request.getUserPrincipal();
        return user != null
                ? limiter.take(prefix + "user:" + user.getName(), authenticated)
                : limiter.take(prefix + "ip:" + client, anonymous);
    }

    private static RateLimiter.Limit limit(RateLimitProperties.Bucket bucket) {
        return new RateLimiter.Limit(bucket.capacity(), bucket.refillPeriod());
    }

    private static long seconds(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }

}
