package dev.bazaar.command.organisation;

import dev.bazaar.command.common.RuleViolation;

/** The membership change contradicts the organisation's members as they are. */
class MembershipConflict extends RuleViolation {

    MembershipConflict(String detail) {
        super("membership-conflict", 409, detail);
    }

}
