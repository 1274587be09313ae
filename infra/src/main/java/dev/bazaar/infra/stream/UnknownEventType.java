package dev.bazaar.infra.stream;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.command.common.Violation;

import java.util.List;

/** A parameter or field naming an event type the catalogue does not have. */
public class UnknownEventType extends RuleViolation {

    UnknownEventType(String name) {
        this("types", name);
    }

    public UnknownEventType(String field, String name) {
        super("validation", 400, "The request has invalid parameters.", List.of(new Violation(field,
                "unknown event type '" + name + "'; GET /api/v1/events/types lists them")));
    }

}
