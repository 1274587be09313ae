package dev.bazaar.command.identity;

import dev.bazaar.kernel.problem.Refusal;

/** The one-time token is unknown, used, expired, or meant for something else; which of these is not said. */
class InvalidOneTimeToken extends Refusal {

    InvalidOneTimeToken() {
        super("invalid-token", 400, "The token is not valid (unknown, used or expired).");
    }

}
