package dev.bazaar.command.web;

import dev.bazaar.command.common.IdempotentRequest;
import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes POST and PUT safe to retry. The first request with an {@code Idempotency-Key} claims the key (a row keyed by
 * acting user and key); its answer is stored, and a repeat with the same body gets that answer again without
 * executing anything. The same key with another body is 422; a repeat while the first is still running is 409. A
 * claim is a lease: a request whose process died (so that its answer was never stored) leaves a claim that a retry
 * takes over once the lease has run out, and runs the request again. That is safe because every command the request
 * sends is executed once per key ({@link IdempotentRequest}: the command's record commits with its events), so the
 * retry gets the first execution's answers (ADR 0021). Server errors release the key for the same reason. Keys belong
 * to an authenticated user (the filter runs after Spring Security's chain); anonymous requests are not deduplicated,
 * since nothing would keep one anonymous client from replaying another's answer.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
@EnableConfigurationProperties(IdempotencyProperties.class) // also where the retention job is not (other roles)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcTemplate jdbc;

    private final Duration lease;

    IdempotencyFilter(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.lease = properties.lease();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || request.getUserPrincipal() == null
                || !("POST".equals(method) || "PUT".equals(method))
                || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            throw new IdempotencyKeyRefused("validation", 400, "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 characters.");
        }
        var body = new CachedBodyRequest(request);
        String actor = request.getUserPrincipal().getName();
        String hash = hash(request.getMethod(), request.getRequestURI(), body.body());
        int claimed = jdbc.update("""
                INSERT INTO idempotency_record (actor_id, idempotency_key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, actor, key, hash);
        if (claimed == 0 && !replayedOrTakenOver(actor, key, hash, response)) {
            return;
        }
        var recorded = new ContentCachingResponseWrapper(response);
        IdempotentRequest.open(actor, key);
        try {
            chain.doFilter(body, recorded);
        }
        catch (IOException | ServletException | RuntimeException e) {
            release(actor, key);
            throw e;
        }
        finally {
            IdempotentRequest.close();
        }
        if (recorded.getStatus() >= 500) {
            release(actor, key);
        }
        else {
            jdbc.update("""
                    UPDATE idempotency_record SET status = ?, content_type = ?, body = ?
                    WHERE actor_id = ? AND idempotency_key = ?
                    """, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray(), actor, key);
        }
        recorded.copyBodyToResponse();
    }

    /**
     * For a key already claimed: writes the stored answer, or refuses, and answers false; or takes over a claim
     * whose lease ran out without an answer, and answers true (the request is to be run again).
     */
    private boolean replayedOrTakenOver(String actor, String key, String hash, HttpServletResponse response)
            throws IOException {
        List<StoredAnswer> stored = jdbc.query("""
                SELECT request_hash, status, content_type, body,
                       EXTRACT(EPOCH FROM (claimed_at + make_interval(secs => ?) - now()))
                FROM idempotency_record WHERE actor_id = ? AND idempotency_key = ?
                """, (rs, row) -> new StoredAnswer(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                rs.getBytes(4), rs.getDouble(5)), (double) lease.toMillis() / 1000, actor, key);
        if (stored.isEmpty()) {
            throw new IdempotencyKeyRefused("idempotency-key-in-flight", 409, "Request in progress",
                    "A request with this Idempotency-Key was just released; retry.", 1);
        }
        StoredAnswer answer = stored.get(0);
        if (!answer.requestHash().equals(hash)) {
            throw new IdempotencyKeyRefused("idempotency-key-reused", 422, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request.");
        }
        if (answer.status() == null) {
            if (answer.leaseLeftSeconds() <= 0 && takeOver(actor, key)) {
                return true;
            }
            throw new IdempotencyKeyRefused("idempotency-key-in-flight", 409, "Request in progress",
                    "A request with this Idempotency-Key is still being processed.",
                    Math.max(1, (long) Math.ceil(answer.leaseLeftSeconds())));
        }
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(answer.body() == null ? new byte[0] : answer.body());
        return false;
    }

    /** Renews a lapsed claim for this request; of two retries racing for it, one wins. */
    private boolean takeOver(String actor, String key) {
        return jdbc.update("""
                UPDATE idempotency_record SET claimed_at = now()
                WHERE actor_id = ? AND idempotency_key = ? AND status IS NULL
                  AND claimed_at + make_interval(secs => ?) <= now()
                """, actor, key, (double) lease.toMillis() / 1000) == 1;
    }

    private void release(String actor, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE actor_id = ? AND idempotency_key = ?", actor, key);
    }

    private static String hash(String method, String uri, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + uri + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The key cannot be used for this request (now, or at all). */
    static final class IdempotencyKeyRefused extends Refusal {

        private final long retryAfterSeconds;

        IdempotencyKeyRefused(String type, int status, String title, String detail) {
            this(type, status, title, detail, 0);
        }

        IdempotencyKeyRefused(String type, int status, String title, String detail, long retryAfterSeconds) {
            super(type, status, title, detail, List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

    }

    private record StoredAnswer(String requestHash, Integer status, String contentType, byte[] body,
            double leaseLeftSeconds) {

    }

    /** Reads the body once (already size-limited upstream) so it can be both hashed and parsed. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = StreamUtils.copyToByteArray(request.getInputStream());
        }

        byte[] body() {
            return body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            var in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

    }

}
