package dev.bazaar.app.security;

import dev.bazaar.command.identity.AccountDirectory;
import dev.bazaar.kernel.identity.UserId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks on every request that the token's account may still act: not suspended or forgotten, and no
 * session-ending event (password change, suspension, reinstatement) since the token was issued. One primary-key
 * read, so that a suspension takes effect on the next request rather than when the token expires.
 */
class AccountStillValid implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error ENDED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The account behind this token can no longer act", null);

    private final AccountDirectory accounts;

    AccountStillValid(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Object generation = token.getClaims().get(AccessTokens.SESSION_CLAIM);
        boolean honoured = generation instanceof Number number && accounts.find(UserId.of(token.getSubject()))
                .map(account -> account.honours(number.longValue()))
                .orElse(false);
        return honoured ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(ENDED);
    }

}
