package dev.bazaar.command.identity;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.identity.ChangeContactDetails;
import dev.bazaar.kernel.identity.ChangePassword;
import dev.bazaar.kernel.identity.ContactDetailsChanged;
import dev.bazaar.kernel.identity.EmailVerified;
import dev.bazaar.kernel.identity.ForgetUser;
import dev.bazaar.kernel.identity.PasswordChanged;
import dev.bazaar.kernel.identity.RegisterUser;
import dev.bazaar.kernel.identity.ReinstateUser;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.SuspendUser;
import dev.bazaar.kernel.identity.UserForgotten;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.UserRegistered;
import dev.bazaar.kernel.identity.UserReinstated;
import dev.bazaar.kernel.identity.UserSuspended;
import dev.bazaar.kernel.identity.VerifyEmail;
import dev.bazaar.kernel.identity.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Set;

import static dev.bazaar.kernel.identity.AccountStatus.ACTIVE;
import static dev.bazaar.kernel.identity.AccountStatus.FORGOTTEN;
import static dev.bazaar.kernel.identity.AccountStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account. Personal data is sealed under the user's own key before it becomes an event, so the
 * event store never holds it in the clear; forgetting destroys that key.
 */
@Aggregate(cache = "aggregateCache")
class User {

    /** Roles anyone may give themselves by registering; the others are handed out by admins. */
    private static final Set<Role> SELF_SERVICE_ROLES = Set.of(Role.BUYER, Role.SELLER);

    private static final ObjectMapper JSON = new ObjectMapper();

    @AggregateIdentifier
    private UserId userId;

    private AccountStatus status;

    private boolean emailVerified;

    User() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    User(RegisterUser command, Actor actor, EmailClaims claims, PersonalDataVault vault) {
        // someone registering themself acts as the new user: that must never grant a staff role
        boolean byAnotherAdmin = actor.is(Role.ADMIN) && !actor.id().equals(command.userId());
        if (command.role() == Role.SYSTEM) {
            throw new NotPermitted("No account has the role SYSTEM: it is the platform's own.");
        }
        if (!SELF_SERVICE_ROLES.contains(command.role()) && !byAnotherAdmin) {
            throw new NotPermitted("Only an admin may open an account with the role " + command.role() + ".");
        }
        UserId id = command.userId();
        claims.claim(command.emailIndex(), id);
        vault.createKey(id);
        apply(new UserRegistered(id, command.role(),
                vault.seal(id, "email", command.email()),
                vault.seal(id, "emailIndex", command.emailIndex()),
                vault.seal(id, "displayName", command.displayName()),
                vault.seal(id, "passwordHash", command.passwordHash())));
    }

    @CommandHandler
    void handle(VerifyEmail command) {
        requireNotForgotten();
        if (!emailVerified) {
            apply(new EmailVerified(userId));
        }
    }

    @CommandHandler
    void handle(ChangePassword command, Actor actor, PersonalDataVault vault) {
        if (!actor.id().equals(userId)) {
            throw new NotPermitted("Only the user themself may change their password.");
        }
        requireStatus(ACTIVE);
        apply(new PasswordChanged(userId, vault.seal(userId, "passwordHash", command.passwordHash())));
    }

    /** The address travels as one sealed JSON value, so that its parts cannot be told apart or swapped. */
    @CommandHandler
    void handle(ChangeContactDetails command, Actor actor, PersonalDataVault vault) throws JsonProcessingException {
        if (!actor.id().equals(userId)) {
            throw new NotPermitted("Only the user themself may change their contact details.");
        }
        requireStatus(ACTIVE);
        String address = command.address() == null ? null : JSON.writeValueAsString(command.address());
        apply(new ContactDetailsChanged(userId, vault.seal(userId, "phone", command.phone()),
                vault.seal(userId, "address", address)));
    }

    @CommandHandler
    void handle(SuspendUser command, Actor actor) {
        requireAdminOtherThanSelf(actor, "suspend");
        requireNotForgotten();
        if (status == ACTIVE) {
            apply(new UserSuspended(userId, command.reason()));
        }
    }

    @CommandHandler
    void handle(ReinstateUser command, Actor actor) {
        requireAdminOtherThanSelf(actor, "reinstate");
        requireNotForgotten();
        if (status == SUSPENDED) {
            apply(new UserReinstated(userId));
        }
    }

    @CommandHandler
    void handle(ForgetUser command, Actor actor, EmailClaims claims, PersonalDataVault vault) {
        if (!actor.id().equals(userId) && !actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only the user themself or an admin may have a user forgotten.");
        }
        if (status == FORGOTTEN) {
            return;
        }
        claims.release(userId);
        vault.shred(userId);
        apply(new UserForgotten(userId));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(UserSuspended event) {
        status = SUSPENDED;
    }

    @EventSourcingHandler
    void on(UserReinstated event) {
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(UserForgotten event) {
        status = FORGOTTEN;
    }

    private void requireAdminOtherThanSelf(Actor actor, String action) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only an admin may " + action + " an account.");
        }
        if (actor.id().equals(userId)) {
            throw new NotPermitted("An admin may not " + action + " their own account.");
        }
    }

    private void requireNotForgotten() {
        if (status == FORGOTTEN) {
            throw new AccountUnavailable(userId, status);
        }
    }

    private void requireStatus(AccountStatus expected) {
        if (status != expected) {
            throw new AccountUnavailable(userId, status);
        }
    }

}
