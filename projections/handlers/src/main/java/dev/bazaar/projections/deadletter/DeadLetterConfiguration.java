package dev.bazaar.projections.deadletter;

import dev.bazaar.readmodel.ProjectionNames;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * A dead-letter queue per projection (migration V7's {@code dead_letter_entry}): an event a projection cannot apply
 * is parked with the rest of its aggregate's sequence, and the projection goes on with every other aggregate instead
 * of stopping. Admins inspect and retry them ({@code /api/v1/admin/processors/{name}/dead-letters}). The process
 * manager has none: a payment step must not be skipped, it stops and retries instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
            DeadLetterProperties deadLetters) {
        return configurer -> configurer.eventProcessing(processing -> ProjectionNames.ALL.forEach(name -> processing
                .registerDeadLetterQueue(name, axon -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(SCHEMA)
                        .genericSerializer(axon.serializer())
                        .eventSerializer(axon.eventSerializer())
                        .maxSequences(deadLetters.maxSequences())
                        .build())
                // a failure outside a savepoint fails its batch instead of parking half a handler's writes
                .registerDeadLetterPolicy(name, axon -> SavepointPerHandler.policy())
                // without the cache, every event costs a query asking whether its aggregate has parked letters
                // (measured: the replay's hottest statement); with it, only aggregates seen parked are asked
                .registerDeadLetteringEventHandlerInvokerConfiguration(name, (axon, invoker) -> invoker
                        .enableSequenceIdentifierCache()
                        .sequenceIdentifierCacheSize(deadLetters.cacheSize()))));
    }

    /** Projection handlers in a savepoint once one has failed, so that a failed one can be parked alone. */
    @Bean
    static SavepointPerHandler savepointPerHandler(PlatformTransactionManager transactions) {
        return new SavepointPerHandler(transactions, Clock.systemUTC());
    }

}
