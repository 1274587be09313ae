package dev.bazaar.app.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.command.identity.Account;
import dev.bazaar.command.identity.AccountDirectory;
import dev.bazaar.command.identity.EmailIndex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** Logging in, refreshing and logging out: the token lifecycle of docs/security.md. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountDirectory accounts;

    private final EmailIndex emailIndex;

    private final PasswordEncoder passwords;

    private final AccessTokens accessTokens;

    private final RefreshTokens refreshTokens;

    private final LoginThrottle throttle;

    /** Compared against when the email is unknown, so that a miss costs the same time as a wrong password. */
    private final String decoyHash;

    AuthController(AccountDirectory accounts, EmailIndex emailIndex, PasswordEncoder passwords,
            AccessTokens accessTokens, RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.emailIndex = emailIndex;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy password, never a real one");
    }

    @PostMapping("/token")
    Tokens logIn(@Valid @RequestBody Credentials body) {
        String index = emailIndex.of(body.email());
        throttle.requireNotLocked(index);
        Optional<Account> account = accounts.findByEmailIndex(index);
        String hash = account.map(Account::passwordHash).orElse(null);
        boolean matches = passwords.matches(body.password(), hash != null ? hash : decoyHash) && hash != null;
        if (!matches) {
            throttle.failed(index);
            throw new AuthenticationRefused("invalid-credentials", "The email or password is not correct.");
        }
        throttle.succeeded(index);
        Account found = account.get();
        if (!found.active()) {
            throw new AuthenticationRefused("account-unavailable", "This account cannot log in.");
        }
        return tokensFor(found, refreshTokens.startFamily(found));
    }

    @PostMapping("/refresh")
    Tokens refresh(@Valid @RequestBody RefreshBody body) {
        var presented = refreshTokens.use(body.refreshToken())
                .orElseThrow(() -> new AuthenticationRefused("invalid-token", "The refresh token is not valid."));
        Account account = accounts.find(presented.userId())
                .filter(found -> found.honours(presented.sessionGeneration()))
                .orElseThrow(() -> {
                    refreshTokens.revokeFamily(presented.familyId());
                    return new AuthenticationRefused("invalid-token", "The session has ended; log in again.");
                });
        return tokensFor(account, refreshTokens.next(presented));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@Valid @RequestBody RefreshBody body) {
        refreshTokens.revokeFamilyOf(body.refreshToken());
    }

    private Tokens tokensFor(Account account, String refreshToken) {
        return new Tokens(accessTokens.issue(account), "Bearer", accessTokens.lifetime().toSeconds(), refreshToken,
                refreshTokens.lifetime().toSeconds(), account.userId().toString(),
                account.role().name().toLowerCase(java.util.Locale.ROOT));
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "Credentials[***]";
        }

    }

    record RefreshBody(@NotBlank @Size(max = 100) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshBody[***]";
        }

    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
            String userId, String role) {
    }

}
