package dev.bazaar.infra.audit;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.command.common.Violation;

import java.util.List;

/** Two parameters were given where only one of them may be. */
class OneOf extends RuleViolation {

    OneOf(String first, String second) {
        super("validation", 400, "Give " + first + " or " + second + ", not both.",
                List.of(new Violation(second, "cannot be given together with " + first)));
    }

}
