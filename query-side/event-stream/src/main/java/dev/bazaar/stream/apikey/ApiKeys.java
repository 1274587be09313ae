package dev.bazaar.stream.apikey;

import dev.bazaar.kernel.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys for analytics consumers: {@code bzk_<key id>_<secret>}, each allowed to read only the event types it was
 * made for. Only a SHA-256 of the 32-byte random secret is stored (the secret has full entropy, so a slow hash would
 * add nothing); the key is shown once, when it is made.
 */
@Component
public class ApiKeys {

    /** A key as stored, without its secret. */
    public record ApiKey(UUID id, String name, Set<String> eventTypes, UUID createdBy, Instant createdAt,
            Instant revokedAt) {
    }

    /** A key just made: {@code key} is the only copy of the secret. */
    public record Issued(ApiKey apiKey, String key) {
    }

    private static final Pattern FORMAT = Pattern.compile("bzk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(String name, Set<String> eventTypes, UserId createdBy) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        jdbc.update("INSERT INTO api_key (key_id, name, secret_hash, event_types, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, name, sha256(encoded), eventTypes.toArray(String[]::new),
                createdBy.value(), Timestamp.from(now));
        return new Issued(new ApiKey(id, name, eventTypes, createdBy.value(), now, null),
                "bzk_" + id.toString().replace("-", "") + "_" + encoded);
    }

    List<ApiKey> all() {
        return jdbc.query("SELECT key_id, name, event_types, created_by, created_at, revoked_at FROM api_key "
                + "ORDER BY created_at", (row, n) -> new ApiKey(row.getObject(1, UUID.class), row.getString(2),
                types(row.getArray(3)), row.getObject(4, UUID.class), row.getTimestamp(5).toInstant(),
                row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()));
    }

    /** True when the key existed and was not revoked before. */
    boolean revoke(UUID id) {
        return jdbc.update("UPDATE api_key SET revoked_at = now() WHERE key_id = ? AND revoked_at IS NULL", id) == 1;
    }

    boolean exists(UUID id) {
        return !jdbc.queryForList("SELECT 1 FROM api_key WHERE key_id = ?", Integer.class, id).isEmpty();
    }

    /** The live key this text is, or empty (malformed, unknown, wrong secret, revoked). */
    Optional<ApiKey> authenticate(String presented) {
        Matcher parts = FORMAT.matcher(presented == null ? "" : presented.trim());
        if (!parts.matches()) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(parts.group(1).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        byte[] presentedHash = sha256(parts.group(2));
        return jdbc.query("SELECT name, secret_hash, event_types, created_by, created_at FROM api_key "
                + "WHERE key_id = ? AND revoked_at IS NULL", (row, n) -> MessageDigest.isEqual(row.getBytes(2),
                presentedHash) ? new ApiKey(id, row.getString(1), types(row.getArray(3)),
                row.getObject(4, UUID.class), row.getTimestamp(5).toInstant(), null) : null, id)
                .stream().filter(key -> key != null).findFirst();
    }

    private static Set<String> types(Array array) throws SQLException {
        return new LinkedHashSet<>(List.of((String[]) array.getArray()));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets
                    .US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
