package dev.bazaar.infra.security;

import dev.bazaar.command.common.RuleViolation;

/** Credentials or a token were not accepted (401). The detail never says which part was wrong. */
class AuthenticationRefused extends RuleViolation {

    AuthenticationRefused(String type, String detail) {
        super(type, 401, detail);
    }

}
