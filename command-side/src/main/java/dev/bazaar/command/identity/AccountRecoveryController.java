package dev.bazaar.command.identity;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.ChangePassword;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.VerifyEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * What a user does with a mailed one-time token, without being logged in: confirm their address, reset a
 * forgotten password. The token proves who they are, so the command is sent as the user themself.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AccountRecoveryController {

    static final String RESET_SUBJECT = "Reset your password";

    private static final Duration RESET_TOKEN_LIFETIME = Duration.ofHours(1);

    private final CommandSender commands;

    private final OneTimeTokens tokens;

    private final AccountDirectory accounts;

    private final EmailIndex emailIndex;

    private final PasswordEncoder passwords;

    private final Mailer mailer;

    AccountRecoveryController(CommandSender commands, OneTimeTokens tokens, AccountDirectory accounts,
            EmailIndex emailIndex, PasswordEncoder passwords, Mailer mailer) {
        this.commands = commands;
        this.tokens = tokens;
        this.accounts = accounts;
        this.emailIndex = emailIndex;
        this.passwords = passwords;
        this.mailer = mailer;
    }

    @PostMapping("/verify-email")
    CommandAccepted verifyEmail(@Valid @RequestBody TokenBody body) {
        UserId userId = tokens.consume(body.token(), OneTimeTokens.Purpose.VERIFY_EMAIL)
                .orElseThrow(InvalidOneTimeToken::new);
        return commands.send(new VerifyEmail(userId), userId.toString(), self(userId));
    }

    /**
     * Always 202, whether or not the address belongs to an account, so that the answer does not tell anyone
     * which addresses are registered.
     */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequestBody body) {
        accounts.findByEmailIndex(emailIndex.of(body.email())).filter(Account::active).ifPresent(account -> {
            String token = tokens.issue(account.userId(), OneTimeTokens.Purpose.RESET_PASSWORD, RESET_TOKEN_LIFETIME);
            mailer.send(account.userId(), RESET_SUBJECT, "Choose a new password with this token: " + token);
        });
    }

    @PostMapping("/password-reset/confirm")
    CommandAccepted confirmReset(@Valid @RequestBody ResetBody body) {
        String hash = passwords.encode(Passwords.requireHashable("newPassword", body.newPassword()));
        UserId userId = tokens.consume(body.token(), OneTimeTokens.Purpose.RESET_PASSWORD)
                .orElseThrow(InvalidOneTimeToken::new);
        return commands.send(new ChangePassword(userId, hash), userId.toString(), self(userId));
    }

    private Actor self(UserId userId) {
        return accounts.find(userId).map(account -> new Actor(userId, account.role()))
                .orElseThrow(InvalidOneTimeToken::new);
    }

    record TokenBody(@NotBlank @Size(max = 100) String token) {

        @Override
        public String toString() {
            return "TokenBody[***]";
        }

    }

    record ResetRequestBody(@NotBlank @Email @Size(max = 254) String email) {

    }

    record ResetBody(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(min = Passwords.MIN, max = Passwords.MAX) String newPassword) {

        @Override
        public String toString() {
            return "ResetBody[***]";
        }

    }

}
