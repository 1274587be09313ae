package dev.bazaar.projections.deadletter;

import dev.bazaar.projections.support.AtCommit;
import dev.bazaar.projections.support.WritesAtCommit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.annotation.Nonnull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a projection's failed event handler be dead-lettered without its writes, and without paying for that on every
 * event. PostgreSQL refuses every statement of a transaction after one failed, so a handler that failed would take
 * the dead-letter queue's insert (same transaction) and the rest of the batch down with it. A savepoint around each
 * handler prevents that, at two statements per event (a fifth of all statements of an order's flow). So handlers run
 * without one until one fails: that failure fails the whole batch ({@link #policy()}: not parked, nothing of the
 * batch kept), the processor retries it after its back-off, and for a while after the failure that projection's
 * handlers each run in a savepoint, so the failed one is undone and parked and the batch goes on. An admin's retry of
 * parked events (no batch) always uses savepoints. Projections whose handlers only collect changes for the commit
 * ({@link WritesAtCommit}) fail at the commit instead, if at all: when their write at commit fails ({@link AtCommit}),
 * the batch rolls back and the projection turns careful the same way, and on the retry each handler writes its own
 * changes at once ({@link AtCommit#writingEachEvent}) inside its savepoint, so the failing event is parked.
 */
class SavepointPerHandler implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "dev.bazaar.projections";

    /** Long enough for the processor's retry (its back-off starts at one second and doubles to a minute). */
    static final Duration CAREFUL_AFTER_FAILURE = Duration.ofMinutes(5);

    private final TransactionTemplate savepoint;

    private final Clock clock;

    private final Map<Class<?>, Instant> carefulUntil = new ConcurrentHashMap<>();

    SavepointPerHandler(PlatformTransactionManager transactions, Clock clock) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * The projections' enqueue policy: Axon's default (park, with the cause's message truncated), except for a
     * failure without a savepoint, which must fail the batch instead: its transaction may be unusable, or hold half
     * of the handler's writes; and for a store that did not answer ({@link StoreUnavailable}, a lost Redis
     * connection), which fails the batch too, to be retried once the store is back.
     */
    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> {
            if (cause instanceof RetryWithSavepoints retry) {
                throw retry;
            }
            if (storeDown(cause)) {
                throw cause instanceof StoreUnavailable down ? down
                        : new StoreUnavailable("A store the projection writes to did not answer", cause);
            }
            return Decisions.enqueue(ThrowableCause.truncated(withoutTheStatement(cause)));
        };
    }

    private static boolean storeDown(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable || t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * jOOQ puts the whole statement before the database's answer in its message; a batch's multi-row upsert is long
     * enough that the truncated cause would show only SQL. The driver's own exception says why.
     */
    private static Throwable withoutTheStatement(Throwable cause) {
        return cause instanceof org.jooq.exception.DataAccessException failed && failed.getCause() != null
                ? failed.getCause() : cause;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        Class<?> projection = original.declaringClass();
        if (!original.canHandleMessageType(EventMessage.class)
                || !projection.getPackageName().startsWith(PROJECTIONS)) {
            return original;
        }
        boolean writesAtCommit = projection.isAnnotationPresent(WritesAtCommit.class);
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                if (inProcessorBatch() && !careful(projection)) {
                    if (writesAtCommit) {
                        carefulIfTheWriteFails(projection);
                    }
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        beCareful(projection);
                        throw new RetryWithSavepoints(projection, e);
                    }
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return writesAtCommit ? AtCommit.writingEachEvent(() -> super.handle(message, target))
                                    : super.handle(message, target);
                        } catch (Exception e) {
                            throw new HandlerFailed(e);
                        }
                    });
                } catch (HandlerFailed failed) {
                    throw failed.getCause();
                }
            }
        };
    }

    private void beCareful(Class<?> projection) {
        carefulUntil.put(projection, clock.instant().plus(CAREFUL_AFTER_FAILURE));
    }

    /** Once per batch: if the batch's write at commit fails, the projection's next batches go event by event. */
    private void carefulIfTheWriteFails(Class<?> projection) {
        var root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(SavepointPerHandler.class.getName() + "." + projection.getName(), key -> {
            root.onRollback(rolledBack -> {
                if (Boolean.TRUE.equals(rolledBack.getResource(AtCommit.WRITE_FAILED))) {
                    beCareful(projection);
                }
            });
            return Boolean.TRUE;
        });
    }

    private boolean careful(Class<?> projection) {
        Instant until = carefulUntil.get(projection);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        carefulUntil.remove(projection, until);
        return false;
    }

    private static boolean inProcessorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork;
    }

    /** A handler failed outside a savepoint: the batch is rolled back and retried with savepoints. */
    static final class RetryWithSavepoints extends RuntimeException {

        RetryWithSavepoints(Class<?> projection, Exception cause) {
            super(projection.getSimpleName() + " failed without a savepoint; its batch is retried with savepoints",
                    cause);
        }
    }

    /** Carries a checked exception through the transaction template, which only rolls back for unchecked ones. */
    private static final class HandlerFailed extends RuntimeException {

        HandlerFailed(Exception cause) {
            super(cause);
        }

        @Override
        public synchronized Exception getCause() {
            return (Exception) super.getCause();
        }
    }

}
