package dev.bazaar.app.security;

import dev.bazaar.command.identity.Account;
import dev.bazaar.command.identity.Secrets;
import dev.bazaar.kernel.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens with rotation and theft detection. One login starts a family; each refresh uses its token
 * up and hands out the next. A token shown twice means two parties hold the family (one of them a thief), so the
 * whole family is revoked and both must log in again. Only SHA-256 hashes are stored.
 */
@Component
public class RefreshTokens {

    private final JdbcTemplate jdbc;

    private final Duration lifetime;

    RefreshTokens(JdbcTemplate jdbc, SecurityProperties security) {
        this.jdbc = jdbc;
        this.lifetime = security.refreshTokenLifetime();
    }

    /** A refresh token presented for use: whose it is, and the session generation its family (login) began in. */
    public record Presented(UserId userId, UUID familyId, int sessionGeneration) {
    }

    public String startFamily(Account account) {
        return issue(account.userId(), UUID.randomUUID(), account.sessionGeneration());
    }

    /**
     * Uses the token up. Empty when it is unknown, expired or revoked; when it was already used, its family is
     * revoked too (reuse means theft) and the answer is also empty.
     */
    @Transactional
    public Optional<Presented> use(String token) {
        String hash = Secrets.sha256(token);
        var rows = jdbc.query("""
                SELECT user_id, family_id, session_generation, expires_at, used_at, revoked_at
                FROM refresh_token WHERE token_hash = ? FOR UPDATE
                """, (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getInt(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) != null,
                rs.getTimestamp(6) != null), hash);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        if (row.used()) {
            revokeFamily(row.familyId());
            return Optional.empty();
        }
        if (row.revoked() || row.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        jdbc.update("UPDATE refresh_token SET used_at = now() WHERE token_hash = ?", hash);
        return Optional.of(new Presented(new UserId(row.userId()), row.familyId(), row.sessionGeneration()));
    }

    /** The next token of a family, after {@link #use}. */
    public String next(Presented presented) {
        return issue(presented.userId(), presented.familyId(), presented.sessionGeneration());
    }

    /** Logout: ends the family of this token, whatever state the token is in. */
    public void revokeFamilyOf(String token) {
        jdbc.update("""
                UPDATE refresh_token SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = ?)
                """, Secrets.sha256(token));
    }

    public void revokeFamily(UUID familyId) {
        jdbc.update("UPDATE refresh_token SET revoked_at = now() WHERE family_id = ? AND revoked_at IS NULL",
                familyId);
    }

    public Duration lifetime() {
        return lifetime;
    }

    private String issue(UserId userId, UUID familyId, int sessionGeneration) {
        String token = Secrets.newSecret();
        jdbc.update("""
                INSERT INTO refresh_token (token_hash, family_id, user_id, session_generation, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """, Secrets.sha256(token), familyId, userId.value(), sessionGeneration,
                Timestamp.from(Instant.now().plus(lifetime)));
        return token;
    }

    private record Row(UUID userId, UUID familyId, int sessionGeneration, Instant expiresAt, boolean used,
            boolean revoked) {
    }

}
