package dev.bazaar.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.bazaar.app.privacy.KeyMaterial;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ES256 keys that sign access tokens, kept in PostgreSQL (private halves encrypted under the master key) so
 * that every instance signs with the same active key and publishes the same set. Rotating makes a new key active
 * and retires the old one, which stays published (and accepted) until every token it signed has expired.
 */
@Component
public class SigningKeys {

    /** Serialises key creation across instances (an arbitrary constant, unique within Bazaar's advisory locks). */
    private static final long ROTATION_LOCK = 0x5167_4b65_7973L;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final KeyMaterial keys;

    private final Duration stillPublished;

    private volatile State state;

    private volatile Instant lastReload = Instant.EPOCH;

    /** The active key (private) and every key whose tokens may still be alive (public). */
    private record State(ECKey active, JWKSet published) {
    }

    SigningKeys(JdbcTemplate jdbc, TransactionTemplate transaction, KeyMaterial keys,
            SecurityProperties security) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.stillPublished = security.accessTokenLifetime().plusMinutes(5);
        transaction.executeWithoutResult(status -> {
            lock();
            if (jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE retired_at IS NULL", Long.class) == 0) {
                insertNewKey();
            }
        });
        reload();
    }

    /** Makes a new key active; tokens signed with the old one stay valid until they expire. */
    public String rotate() {
        String kid = transaction.execute(status -> {
            lock();
            jdbc.update("UPDATE signing_key SET retired_at = now() WHERE retired_at IS NULL");
            return insertNewKey();
        });
        reload();
        return kid;
    }

    /** Re-encrypts every signing key under the master keyset's current primary key; answers how many. */
    public int rewrapAll() {
        List<Row> rows = jdbc.query("SELECT kid, private_jwk, public_jwk, retired_at FROM signing_key",
                (rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4)));
        int rewrapped = 0;
        for (Row row : rows) {
            try {
                byte[] plain = keys.master().decrypt(row.privateJwk(), context(row.kid()));
                rewrapped += jdbc.update("UPDATE signing_key SET private_jwk = ? WHERE kid = ?",
                        keys.master().encrypt(plain, context(row.kid())), row.kid());
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("Signing key " + row.kid() + " does not open with the master keyset",
                        e);
            }
        }
        return rewrapped;
    }

    ECKey active() {
        return state.active();
    }

    /** The public keys as published at {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return state.published();
    }

    /**
     * Finds verification keys; a token whose {@code kid} is unknown here may have been signed by a key another
     * instance just created, so the set is reloaded (at most once a second) before giving up.
     */
    JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(state.published());
            if (found.isEmpty() && Instant.now().isAfter(lastReload.plusSeconds(1))) {
                reload();
                found = selector.select(state.published());
            }
            return found;
        };
    }

    JWKSource<SecurityContext> signingKey() {
        return (selector, context) -> selector.select(new JWKSet(state.active()));
    }

    /** Picks up keys rotated by other instances. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void reload() {
        List<Row> rows = jdbc.query("""
                SELECT kid, private_jwk, public_jwk, retired_at FROM signing_key
                WHERE retired_at IS NULL OR retired_at > ?
                ORDER BY created_at DESC
                """, (rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4)),
                Timestamp.from(Instant.now().minus(stillPublished)));
        Row activeRow = rows.stream().filter(row -> row.retiredAt() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
        try {
            ECKey active = ECKey.parse(new String(keys.master().decrypt(activeRow.privateJwk(),
                    context(activeRow.kid())), StandardCharsets.UTF_8));
            List<JWK> published = rows.stream().map(row -> parsePublic(row.publicJwk())).toList();
            state = new State(active, new JWKSet(published));
            lastReload = Instant.now();
        }
        catch (GeneralSecurityException | ParseException e) {
            throw new IllegalStateException("The active signing key does not open with the master keyset", e);
        }
    }

    private record Row(String kid, byte[] privateJwk, String publicJwk, Timestamp retiredAt) {
    }

    private String insertNewKey() {
        try {
            String kid = UUID.randomUUID().toString();
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            byte[] sealed = keys.master().encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(kid));
            jdbc.update("INSERT INTO signing_key (kid, private_jwk, public_jwk) VALUES (?, ?, ?)",
                    kid, sealed, key.toPublicJWK().toJSONString());
            return kid;
        }
        catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a signing key", e);
        }
    }

    private void lock() {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, ROTATION_LOCK);
    }

    private static JWK parsePublic(String json) {
        try {
            return JWK.parse(json);
        }
        catch (ParseException e) {
            throw new IllegalStateException("signing_key holds a public key that is not a JWK", e);
        }
    }

    private static byte[] context(String kid) {
        return ("signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
    }

}
