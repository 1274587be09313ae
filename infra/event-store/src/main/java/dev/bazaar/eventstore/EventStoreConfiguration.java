package dev.bazaar.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;


/**
 * The event store as Axon's auto-configuration builds it, with the tailing tuned. Processors that fall out of the
 * shared in-memory window read the store themselves and, at the head, waited Axon's default fetch delay of one
 * second between polls: that showed as projection lag of up to seconds. A short delay keeps them close to the head;
 * the idle poll it costs is one indexed query.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class EventStoreConfiguration {

    /** As Axon's JDBC auto-configuration builds it; declaring our own event store switches that one off. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer, PersistenceExceptionResolver exceptionResolver,
            Configuration configuration, ConnectionProvider connectionProvider, TransactionManager transactionManager,
            EventSchema eventSchema, EventStoreProperties properties) {
        var builder = JdbcEventStorageEngine.builder()
                .batchSize(properties.batchSize())
                .appendEvents(new PositionReportingAppend())
                // the next events however far ahead, so an empty read needs no second query (NextEventsQuery)
                .readEventDataWithoutGaps(NextEventsQuery::withoutGaps)
                .readEventDataWithGaps(NextEventsQuery::withGaps)
                .extendedGapCheckEnabled(false)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        return new PacedEventStorageEngine(builder, properties.headReadPace());
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
            EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelayMs())
                .cachedEvents(properties.cachedEvents())
                .build();
    }

}
