package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;

/**
 * What logging in and checking a token need to know of an account. {@code sessionGeneration} moves on whenever
 * the account's sessions must end (password change, suspension, reinstatement, forgetting); a token is honoured
 * only under the generation it was issued in. A counter rather than a time, so that clocks and the whole-second
 * precision of JWT timestamps cannot let a token issued just before a suspension slip through.
 */
public record Account(UserId userId, Role role, AccountStatus status, String passwordHash, int sessionGeneration) {

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** Whether a token (or refresh family) issued under this generation still speaks for the account. */
    public boolean honours(long generation) {
        return active() && generation == sessionGeneration;
    }

}
