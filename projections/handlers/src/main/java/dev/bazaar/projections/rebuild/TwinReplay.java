package dev.bazaar.projections.rebuild;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds events from the store to twinned handlers the way a tracking processor does: a batch of events in one unit of
 * work and one transaction, so the projections' batch writers ({@code BatchedRows}) write once per batch. A second
 * thread reads ahead: it fetches the next batches from the store, drops the events no handler takes and deserialises
 * the payloads and timestamps of the others, while this one applies the current batch (on two cores, reading and
 * applying each took about half of a replay's time).
 */
final class TwinReplay implements AutoCloseable {

    private final List<AnnotationEventHandlerAdapter> handlers;

    private final TransactionManager transactions;

    private final BlockingStream<TrackedEventMessage<?>> stream;

    private final int batchSize;

    private final BlockingQueue<Batch> readAhead = new ArrayBlockingQueue<>(4);

    private final Thread reader;

    private volatile RuntimeException readFailure;

    private volatile boolean closed;

    private TrackingToken token;

    /** The events of one batch that the handlers take, and the token of its last event. */
    private record Batch(List<EventMessage<?>> events, TrackingToken last) {

    }

    TwinReplay(Configuration axon, TransactionManager transactions, int batchSize,
            BlockingStream<TrackedEventMessage<?>> stream, List<Object> twins) {
        this.handlers = twins.stream().map(twin -> new AnnotationEventHandlerAdapter(twin,
                axon.parameterResolverFactory(), axon.handlerDefinition(twin.getClass()))).toList();
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.stream = stream;
        this.reader = new Thread(this::readAhead, "rebuild-beside-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Applies batches until the given position is applied (the last batch may go past it).
     *
     * @return the token of the last event applied, or null if none was
     */
    TrackingToken upTo(long position, RebuildRun run) {
        while (run.reached() < position) {
            Batch batch = take();
            if (batch == null) {
                continue;
            }
            apply(batch.events());
            token = batch.last();
            run.reached(token.position().orElse(run.reached()));
        }
        return token;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
    }

    private void readAhead() {
        try {
            while (!closed) {
                if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    continue;
                }
                List<EventMessage<?>> events = new ArrayList<>(batchSize);
                TrackedEventMessage<?> event;
                int read = 0;
                do {
                    event = stream.nextAvailable();
                    read++;
                    if (takenByAHandler(event)) {
                        event.getPayload();
                        event.getTimestamp();
                        events.add(event);
                    }
                }
                while (read < batchSize && stream.hasNextAvailable());
                readAhead.put(new Batch(events, event.trackingToken()));
            }
        }
        catch (InterruptedException e) {
            // closed
        }
        catch (RuntimeException e) {
            readFailure = e;
        }
    }

    private Batch take() {
        try {
            Batch batch = readAhead.poll(1, TimeUnit.SECONDS);
            if (batch == null && readFailure != null) {
                throw new IllegalStateException("Reading the event store failed", readFailure);
            }
            return batch;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    private boolean takenByAHandler(EventMessage<?> event) {
        return handlers.stream().anyMatch(handler -> handler.canHandle(event));
    }

    private void apply(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        var unitOfWork = new BatchingUnitOfWork<>(events);
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
            throw new IllegalStateException("Replaying into the rebuilt read model failed", result.exceptionResult());
        }
    }

}
