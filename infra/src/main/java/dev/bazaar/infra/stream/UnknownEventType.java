package dev.bazaar.infra.stream;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.command.common.Violation;

import java.util.List;

/** A {@code types} filter naming an event type the catalogue does not have. */
class UnknownEventType extends RuleViolation {

    UnknownEventType(String name) {
        super("validation", 400, "The request has invalid parameters.", List.of(new Violation("types",
                "unknown event type '" + name + "'; GET /api/v1/events/types lists them")));
    }

}
