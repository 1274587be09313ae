package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use secrets mailed to a user (email verification, password reset). Only their SHA-256 is stored, so a
 * copy of the database does not let anyone use them.
 */
@Component
public class OneTimeTokens {

    /** What a token may be used for; a token of one purpose never serves another. */
    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final JdbcTemplate jdbc;

    OneTimeTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String issue(UserId userId, Purpose purpose, Duration lifetime) {
        String token = Secrets.newSecret();
        jdbc.update("""
                INSERT INTO one_time_token (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)
                """, Secrets.sha256(token), userId.value(), purpose.name(),
                Timestamp.from(Instant.now().plus(lifetime)));
        return token;
    }

    /** Uses the token up: answers its user once, and never again. */
    public Optional<UserId> consume(String token, Purpose purpose) {
        return jdbc.query("""
                UPDATE one_time_token SET used_at = now()
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
                """, (rs, row) -> new UserId(rs.getObject(1, UUID.class)), Secrets.sha256(token), purpose.name())
                .stream().findFirst();
    }

}
