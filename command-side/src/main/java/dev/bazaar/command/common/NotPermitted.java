package dev.bazaar.command.common;

/** The acting user may not do this to this aggregate (not the owner, or lacking the role). */
public class NotPermitted extends RuleViolation {

    public NotPermitted(String detail) {
        super("not-permitted", 403, detail);
    }

}
