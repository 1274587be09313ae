package dev.bazaar.audit.history;

import dev.bazaar.kernel.problem.InvalidParameters;
import dev.bazaar.kernel.problem.Violation;

import java.util.List;

/** Two parameters were given where only one of them may be. */
class OneOf extends InvalidParameters {

    OneOf(String first, String second) {
        super("Give " + first + " or " + second + ", not both.",
                List.of(new Violation(second, "cannot be given together with " + first)));
    }

}
