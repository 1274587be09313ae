package dev.bazaar.projections.rebuild;

import dev.bazaar.kernel.problem.Refusal;

/** A second rebuild of a projection was asked for while the first still runs (here or on another instance). */
class RebuildRunning extends Refusal {

    RebuildRunning(String projection) {
        super("rebuild-running", 409, "A rebuild of " + projection + " is running, on this instance or another; the "
                + "status on the instance that runs it shows its progress.");
    }

}
