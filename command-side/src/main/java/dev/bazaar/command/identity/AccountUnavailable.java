package dev.bazaar.command.identity;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.UserId;

/** The account is suspended or forgotten, so it cannot do this. */
class AccountUnavailable extends Refusal {

    AccountUnavailable(UserId userId, AccountStatus status) {
        super("account-unavailable", 409, "Account " + userId + " is " + status.name().toLowerCase() + ".");
    }

}
