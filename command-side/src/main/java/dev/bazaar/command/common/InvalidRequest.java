package dev.bazaar.command.common;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.problem.Violation;
import java.util.List;

/** The aggregate found values it cannot accept, field by field (the same rules the edge checks, enforced again). */
public class InvalidRequest extends Refusal {

    public InvalidRequest(List<Violation> violations) {
        super("validation", 422, "The request breaks the rules for these fields.", violations);
    }

}
