package dev.bazaar.projections.kafka;

import dev.bazaar.eventstore.rows.StoredEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event to Kafka from a tracking processor of its own. The sends of a batch are awaited before the
 * batch commits, and the processor's token commits with the batch: a batch the broker did not acknowledge whole is
 * failed and processed again from its start (at least once; consumers dedupe by the position header). While the broker
 * is away the processor retries with Axon's back-off (1 s doubling to 60 s) and catches up when it is back; commands,
 * read models and the HTTP stream do not wait for it.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
public class KafkaEventPublisher {

    public static final String PROCESSOR = "kafka-publisher";

    private static final String SENDS = KafkaEventPublisher.class.getName() + ".sends";

    private final Producer<String, byte[]> producer;

    private final KafkaRecords records;

    private final Serializer serializer;

    private final Duration sendTimeout;

    KafkaEventPublisher(Producer<String, byte[]> producer, KafkaRecords records, Serializer serializer,
            Duration sendTimeout) {
        this.producer = producer;
        this.records = records;
        this.serializer = serializer;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow(() ->
                new IllegalStateException("kafka-publisher runs in a tracking processor, whose tokens have positions"));
        pendingSends().add(producer.send(records.toRecord(asStored(event, position))));
    }

    private StoredEvent asStored(EventMessage<?> event, long position) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        String aggregateId = null;
        String aggregateType = null;
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        return new StoredEvent(position, event.getIdentifier(), aggregateId, sequence, aggregateType,
                event.getTimestamp().toString(), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), metaData.getData());
    }

    /** The sends of this batch; before the batch (and its token) commits, every one must be acknowledged. */
    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            batch.onPrepareCommit(unit -> awaitAcknowledged(sends));
            return sends;
        });
    }

    private void awaitAcknowledged(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new KafkaUnavailable("the broker refused or lost a record: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new KafkaUnavailable("no acknowledgement from the broker within " + sendTimeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailable("interrupted while waiting for the broker", e);
            }
        }
    }

    /** The batch is not published; it will be again. */
    static final class KafkaUnavailable extends RuntimeException {

        KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
