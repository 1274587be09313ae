package dev.bazaar.command.identity;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.ChangeContactDetails;
import dev.bazaar.kernel.identity.ChangePassword;
import dev.bazaar.kernel.identity.PostalAddress;
import dev.bazaar.kernel.identity.ForgetUser;
import dev.bazaar.kernel.identity.RegisterUser;
import dev.bazaar.kernel.identity.ReinstateUser;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.SuspendUser;
import dev.bazaar.kernel.identity.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Opens accounts and changes them; the {@link User} aggregate decides. */
@RestController
@RequestMapping("/api/v1/users")
class UserCommandController {

    static final String VERIFICATION_SUBJECT = "Confirm your email address";

    private final CommandSender commands;

    private final EmailIndex emailIndex;

    private final PasswordEncoder passwords;

    private final AccountDirectory accounts;

    private final OneTimeTokens tokens;

    private final Mailer mailer;

    UserCommandController(CommandSender commands, EmailIndex emailIndex, PasswordEncoder passwords,
            AccountDirectory accounts, OneTimeTokens tokens, Mailer mailer) {
        this.commands = commands;
        this.emailIndex = emailIndex;
        this.passwords = passwords;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
    }

    /** Anyone may register as a buyer or seller; an admin may also open staff accounts. */
    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegistrationBody body, Optional<Actor> caller) {
        UserId id = UserId.random();
        Role role = Role.parse(body.role());
        Actor actor = caller.orElse(new Actor(id, role));
        var command = new RegisterUser(id, role, EmailIndex.normalise(body.email()), emailIndex.of(body.email()),
                body.displayName().trim(),
                passwords.encode(Passwords.requireHashable("password", body.password())));
        var accepted = commands.send(command, id.toString(), actor);
        mailVerificationToken(new UserId(UUID.fromString(accepted.id())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + accepted.id())).body(accepted);
    }

    /** Another verification mail, for the user themself (the first one may have been lost). */
    @PostMapping("/{id}/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(@PathVariable UUID id, Actor actor) {
        UserId userId = new UserId(id);
        if (!actor.id().equals(userId)) {
            throw new NotPermitted("Only the user themself may ask for another verification mail.");
        }
        mailVerificationToken(userId);
    }

    private void mailVerificationToken(UserId userId) {
        String token = tokens.issue(userId, OneTimeTokens.Purpose.VERIFY_EMAIL, Duration.ofDays(2));
        mailer.send(userId, VERIFICATION_SUBJECT, "Confirm your address with this token: " + token);
    }

    @PostMapping("/{id}/password")
    CommandAccepted changePassword(@PathVariable UUID id, @Valid @RequestBody PasswordChangeBody body, Actor actor) {
        UserId userId = new UserId(id);
        if (!actor.id().equals(userId)) {
            throw new NotPermitted("Only the user themself may change their password.");
        }
        boolean matches = accounts.find(userId)
                .map(account -> account.passwordHash() != null
                        && passwords.matches(body.currentPassword(), account.passwordHash()))
                .orElse(false);
        if (!matches) {
            throw new NotPermitted("The current password is not correct.");
        }
        String hash = passwords.encode(Passwords.requireHashable("newPassword", body.newPassword()));
        return commands.send(new ChangePassword(userId, hash), id.toString(), actor);
    }

    @PutMapping("/{id}/contact")
    CommandAccepted changeContactDetails(@PathVariable UUID id, @Valid @RequestBody ContactBody body, Actor actor) {
        PostalAddress address = body.address() == null ? null : new PostalAddress(body.address().line1().trim(),
                blankToNull(body.address().line2()), body.address().postalCode().trim(), body.address().city().trim(),
                body.address().country().toUpperCase(java.util.Locale.ROOT));
        return commands.send(new ChangeContactDetails(new UserId(id), blankToNull(body.phone()), address),
                id.toString(), actor);
    }

    @PostMapping("/{id}/suspend")
    CommandAccepted suspend(@PathVariable UUID id, @Valid @RequestBody SuspensionBody body, Actor actor) {
        return commands.send(new SuspendUser(new UserId(id), body.reason().trim()), id.toString(), actor);
    }

    @PostMapping("/{id}/reinstate")
    CommandAccepted reinstate(@PathVariable UUID id, Actor actor) {
        return commands.send(new ReinstateUser(new UserId(id)), id.toString(), actor);
    }

    /** Crypto-shredding: the user's data key is destroyed, their history stays and reads as redacted. */
    @PostMapping("/{id}/forget")
    CommandAccepted forget(@PathVariable UUID id, Actor actor) {
        return commands.send(new ForgetUser(new UserId(id)), id.toString(), actor);
    }

    record RegistrationBody(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = Passwords.MIN, max = Passwords.MAX) String password,
            @NotBlank @Size(max = 80) String displayName,
            @NotBlank @Pattern(regexp = "(?i)buyer|seller|admin|auditor|support|analytics",
                    message = "must be one of buyer, seller, admin, auditor, support, analytics") String role) {

        @Override
        public String toString() {
            return "RegistrationBody[" + role + "]";
        }

    }

    record PasswordChangeBody(
            @NotBlank @Size(max = Passwords.MAX) String currentPassword,
            @NotBlank @Size(min = Passwords.MIN, max = Passwords.MAX) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChangeBody[***]";
        }

    }

    record SuspensionBody(@NotBlank @Size(max = 500) String reason) {

    }

    /** E.164-like phone numbers; ISO 3166-1 alpha-2 country codes. */
    record ContactBody(
            @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number") String phone,
            @Valid AddressBody address) {

        @Override
        public String toString() {
            return "ContactBody[***]";
        }

    }

    record AddressBody(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {

    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
