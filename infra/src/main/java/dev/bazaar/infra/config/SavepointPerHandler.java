package dev.bazaar.infra.config;

import dev.bazaar.projections.support.WritesAtCommit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.annotation.Nonnull;

/**
 * Runs every event handler of the projections in a savepoint of the batch's transaction. PostgreSQL refuses every
 * statement of a transaction after one failed; without the savepoint, a handler that failed would take the dead-letter
 * queue's insert (same transaction) and the rest of the batch down with it, and the processor would stop. With it, the
 * failed handler's writes are undone, the event is parked, and the batch goes on. Costs two statements per event, so
 * projections whose handlers only collect changes for the commit ({@link WritesAtCommit}) go without.
 */
class SavepointPerHandler implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "dev.bazaar.projections";

    private final TransactionTemplate savepoint;

    SavepointPerHandler(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        Class<?> projection = original.declaringClass();
        if (!original.canHandleMessageType(EventMessage.class) || !projection.getPackageName().startsWith(PROJECTIONS)
                || projection.isAnnotationPresent(WritesAtCommit.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
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
