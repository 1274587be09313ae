package dev.bazaar.command.identity;

import dev.bazaar.command.common.InvalidRequest;
import dev.bazaar.kernel.problem.Violation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Password rules, checked before hashing. */
final class Passwords {

    static final int MIN = 12;

    static final int MAX = 64;

    /** bcrypt reads only the first 72 bytes and silently ignores the rest: refuse what it would truncate. */
    private static final int BCRYPT_INPUT_BYTES = 72;

    private Passwords() {
    }

    static String requireHashable(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_INPUT_BYTES) {
            throw new InvalidRequest(List.of(new Violation(field, "must be at most 72 bytes in UTF-8")));
        }
        return password;
    }

}
