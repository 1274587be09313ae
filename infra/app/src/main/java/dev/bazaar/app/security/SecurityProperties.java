package dev.bazaar.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Tokens, the first admin and browsers ({@code bazaar.security.*}; docs/security.md).
 *
 * @param accessTokenLifetime     how long an access token (JWT) is good for
 * @param refreshTokenLifetime    how long a refresh token is good for (each is used once)
 * @param verifiedTokenCacheSize  access tokens whose signature is remembered as verified
 * @param bootstrapAdmin          the admin account opened on first start
 * @param cors                    the browser origins allowed to call the API
 */
@ConfigurationProperties("bazaar.security")
public record SecurityProperties(@DefaultValue("PT15M") Duration accessTokenLifetime,
        @DefaultValue("P7D") Duration refreshTokenLifetime, @DefaultValue("10000") int verifiedTokenCacheSize,
        @DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue Cors cors) {

    /** Email and password of the first admin; none is opened while either is empty. */
    public record BootstrapAdmin(@DefaultValue("") String email, @DefaultValue("") String password) {

        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + ", password=***]";
        }
    }

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

}
