package dev.bazaar.infra.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feeds events from the store to twinned handlers the way a tracking processor does: a batch of events in one unit of
 * work and one transaction, so the projections' batch writers ({@code BatchedRows}) write once per batch. Events no
 * handler takes are skipped without being deserialised.
 */
final class TwinReplay {

    private final Configuration axon;

    private final TransactionManager transactions;

    private final int batchSize;

    TwinReplay(Configuration axon, TransactionManager transactions, int batchSize) {
        this.axon = axon;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Replays from the stream until the given position is applied.
     *
     * @param last the token of the last event applied so far, or null
     * @return the token of the last event applied
     */
    TrackingToken upTo(long position, BlockingStream<TrackedEventMessage<?>> stream, List<Object> twins,
            RebuildRun run, TrackingToken last) {
        List<AnnotationEventHandlerAdapter> handlers = twins.stream().map(twin -> new AnnotationEventHandlerAdapter(
                twin, axon.parameterResolverFactory(), axon.handlerDefinition(twin.getClass()))).toList();
        TrackingToken token = last;
        while (run.reached() < position) {
            if (!hasNext(stream)) {
                continue;
            }
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            do {
                batch.add(next(stream));
            }
            while (batch.size() < batchSize && stream.hasNextAvailable());
            apply(batch, handlers);
            token = batch.get(batch.size() - 1).trackingToken();
            run.reached(token.position().orElse(run.reached()));
        }
        return token;
    }

    private void apply(List<TrackedEventMessage<?>> batch, List<AnnotationEventHandlerAdapter> handlers) {
        List<EventMessage<?>> handled = batch.stream()
                .filter(event -> handlers.stream().anyMatch(handler -> handler.canHandle(event)))
                .<EventMessage<?>>map(event -> event).toList();
        if (handled.isEmpty()) {
            return;
        }
        var unitOfWork = new BatchingUnitOfWork<>(handled);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("Replaying into the rebuilt read model failed",
                    result.exceptionResult());
        }
    }

    private static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.hasNextAvailable(1, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.nextAvailable();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

}
