package dev.bazaar.eventstore.rows;

import dev.bazaar.kernel.problem.InvalidParameters;
import dev.bazaar.kernel.problem.Violation;

import java.util.List;

/** A parameter or field naming an event type the catalogue does not have. */
public class UnknownEventType extends InvalidParameters {

    public UnknownEventType(String field, String name) {
        super(List.of(new Violation(field, "unknown event type '" + name + "'; GET /api/v1/events/types lists them")));
    }

}
