package dev.bazaar.command.organisation;

import dev.bazaar.kernel.problem.Refusal;

/** The membership change contradicts the organisation's members as they are. */
class MembershipConflict extends Refusal {

    MembershipConflict(String detail) {
        super("membership-conflict", 409, detail);
    }

}
