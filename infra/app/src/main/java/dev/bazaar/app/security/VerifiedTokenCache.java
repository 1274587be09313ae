package dev.bazaar.app.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers access tokens whose signature was verified, so that a client's every request does not pay for ECDSA
 * again: on this JDK one P-256 verification costs more CPU than the rest of a command (docs/benchmarks.md). What can
 * change between two requests with the same token (expiry, the account's status and session generation) is still
 * checked on every request by {@code perRequest}. Only tokens that verified are remembered, so the cache cannot be
 * filled with forgeries; it holds at most {@code capacity} tokens and forgets each one when it expires.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;

    private final OAuth2TokenValidator<Jwt> perRequest;

    private final int capacity;

    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> perRequest, int capacity) {
        this.verifier = verifier;
        this.perRequest = perRequest;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            remember(token, jwt);
        }
        OAuth2TokenValidatorResult result = perRequest.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= capacity) {
            Instant now = Instant.now();
            verified.values().removeIf(held -> held.getExpiresAt() == null || held.getExpiresAt().isBefore(now));
            if (verified.size() >= capacity) {
                verified.clear(); // all alive: start over rather than grow; each costs one verification again
            }
        }
        verified.put(token, jwt);
    }

}
