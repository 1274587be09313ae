package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;

import java.time.Instant;

/**
 * What logging in and checking a token need to know of an account. {@code tokensValidAfter} moves forward when
 * the account's sessions must end (password change, suspension, reinstatement, forgetting).
 */
public record Account(UserId userId, Role role, AccountStatus status, String passwordHash, Instant tokensValidAfter) {

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** Whether a token issued at this instant (JWT {@code iat}, whole seconds) still speaks for the account. */
    public boolean honours(Instant issuedAt) {
        return active() && !issuedAt.isBefore(tokensValidAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

}
