package dev.bazaar.kernel.problem;

import java.util.List;

/** Parameters of the request that the edge refuses, each named (400). */
public class InvalidParameters extends Refusal {

    public InvalidParameters(List<Violation> violations) {
        this("The request has invalid parameters.", violations);
    }

    public InvalidParameters(String detail, List<Violation> violations) {
        super("validation", 400, detail, violations);
    }

}
