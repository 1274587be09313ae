package dev.bazaar.kernel.problem;

/** The acting user may not do this (not the owner, or lacking the role). */
public class NotPermitted extends Refusal {

    public NotPermitted(String detail) {
        super("not-permitted", 403, detail);
    }

}
