package dev.bazaar.projections.rebuild;

/**
 * One rebuild beside the live read model, as far as it has come. Written by the rebuilding thread, read by status
 * requests.
 */
public final class RebuildRun {

    /** Where a rebuild stands; {@code DONE} and {@code FAILED} are final. */
    public enum Phase {
        /** replaying the event store into the twin tables (and index) while the live projection serves */
        REPLAYING,
        /** building the twin's secondary indexes, then replaying what arrived meanwhile */
        INDEXING,
        /** the live processor is paused: the last events are replayed and the twin switched in */
        SWITCHING,
        DONE,
        FAILED
    }

    private final long target;

    private volatile Phase phase = Phase.REPLAYING;

    private volatile long reached = -1;

    private volatile String error;

    RebuildRun(long target) {
        this.target = target;
    }

    /** The store's newest position when the rebuild started. */
    public long target() {
        return target;
    }

    public Phase phase() {
        return phase;
    }

    /** The last position replayed into the twin. */
    public long reached() {
        return reached;
    }

    /** The share of the positions up to the target replayed into the twin, 0 to 1. */
    public double progress() {
        return target <= 0 ? 1 : Math.max(0, Math.min(1, (double) reached / target));
    }

    /** Why it failed, or null. */
    public String error() {
        return error;
    }

    public boolean active() {
        return phase != Phase.DONE && phase != Phase.FAILED;
    }

    void phase(Phase next) {
        this.phase = next;
    }

    void reached(long position) {
        this.reached = position;
    }

    void done() {
        this.phase = Phase.DONE;
    }

    void failed(String cause) {
        this.error = cause;
        this.phase = Phase.FAILED;
    }

}
