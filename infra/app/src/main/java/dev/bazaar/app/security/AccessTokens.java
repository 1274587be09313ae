package dev.bazaar.app.security;

import dev.bazaar.command.identity.Account;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Issues the short-lived access tokens: ES256 JWTs naming the user and their role, signed with the active key. */
@Component
public class AccessTokens {

    public static final String ISSUER = "bazaar";

    public static final String AUDIENCE = "bazaar-api";

    public static final String ROLE_CLAIM = "role";

    /** The account's session generation the token was issued under (see {@code Account}). */
    public static final String SESSION_CLAIM = "sgen";

    private final SigningKeys keys;

    private final JwtEncoder encoder;

    private final Duration lifetime;

    AccessTokens(SigningKeys keys, SecurityProperties security) {
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(keys.signingKey());
        this.lifetime = security.accessTokenLifetime();
    }

    public String issue(Account account) {
        return issue(account, Instant.now());
    }

    /** As if issued at {@code issuedAt}: lets a test hold a token that has already expired. */
    public String issue(Account account, Instant issuedAt) {
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(java.util.List.of(AUDIENCE))
                .subject(account.userId().toString())
                .claim(ROLE_CLAIM, account.role().name().toLowerCase(java.util.Locale.ROOT))
                .claim(SESSION_CLAIM, account.sessionGeneration())
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keys.active().getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public Duration lifetime() {
        return lifetime;
    }

}
