package dev.bazaar.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link WritesAtCommit} projection collects during a processor's batch and writes just before the batch
 * commits (same transaction as its token): a few statements per batch instead of some per event. If that write fails,
 * the batch rolls back ({@link #WRITE_FAILED} marks why) and is retried event by event: the infrastructure runs each
 * handler of the retry in a savepoint inside {@link #writingEachEvent}, where every event's changes are written at
 * once, so the one that fails is undone and dead-lettered while the rest of the batch commits (ADR 0011).
 */
public final class AtCommit {

    /** Set on the unit of work whose write at commit failed. */
    public static final String WRITE_FAILED = AtCommit.class.getName() + ".writeFailed";

    private static final ThreadLocal<Boolean> EACH_EVENT_NOW = new ThreadLocal<>();

    private AtCommit() {
    }

    /**
     * Adds a handler's changes to the batch's collector under this key ({@link #collector}); or, while the batch is
     * retried event by event ({@link #writingEachEvent}), to a collector of their own, written at once.
     */
    public static <C> void collect(String key, Supplier<C> newCollector, Consumer<C> write, Consumer<C> changes) {
        if (writingNow()) {
            C now = newCollector.get();
            changes.accept(now);
            write.accept(now);
        }
        else {
            changes.accept(collector(key, newCollector, write));
        }
    }

    /**
     * The batch's collector under this key: made by {@code newCollector} on first use, handed to {@code write} just
     * before the batch commits.
     */
    public static <C> C collector(String key, Supplier<C> newCollector, Consumer<C> write) {
        var batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, name -> {
            C collector = newCollector.get();
            batch.onPrepareCommit(committing -> {
                try {
                    write.accept(collector);
                }
                catch (RuntimeException e) {
                    committing.resources().put(WRITE_FAILED, Boolean.TRUE);
                    throw e;
                }
            });
            return collector;
        });
    }

    /** True while a handler runs inside {@link #writingEachEvent}: write its changes now, not at the commit. */
    public static boolean writingNow() {
        return Boolean.TRUE.equals(EACH_EVENT_NOW.get());
    }

    /** Runs a handler whose changes are written at once (in the caller's savepoint) instead of at the commit. */
    public static <T> T writingEachEvent(Callable<T> handler) throws Exception {
        Boolean outer = EACH_EVENT_NOW.get();
        EACH_EVENT_NOW.set(Boolean.TRUE);
        try {
            return handler.call();
        }
        finally {
            EACH_EVENT_NOW.set(outer);
        }
    }

}
