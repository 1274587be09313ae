package dev.bazaar.command.identity;

import dev.bazaar.kernel.problem.Refusal;

/** Another account already claimed this email address. */
class EmailTaken extends Refusal {

    EmailTaken() {
        super("email-taken", 409, "An account with this email address exists.");
    }

}
