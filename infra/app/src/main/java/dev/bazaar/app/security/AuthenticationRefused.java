package dev.bazaar.app.security;

import dev.bazaar.kernel.problem.Refusal;

/** Credentials or a token were not accepted (401). The detail never says which part was wrong. */
class AuthenticationRefused extends Refusal {

    AuthenticationRefused(String type, String detail) {
        super(type, 401, detail);
    }

}
