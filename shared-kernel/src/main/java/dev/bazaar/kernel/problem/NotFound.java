package dev.bazaar.kernel.problem;

/** Nothing is known under this id. */
public class NotFound extends Refusal {

    public NotFound(String what, Object id) {
        super("not-found", 404, "No " + what + " with id " + id + ".");
    }

}
