package dev.bazaar.command.identity;

import dev.bazaar.command.common.RuleViolation;

/** Another account already claimed this email address. */
class EmailTaken extends RuleViolation {

    EmailTaken() {
        super("email-taken", 409, "An account with this email address exists.");
    }

}
