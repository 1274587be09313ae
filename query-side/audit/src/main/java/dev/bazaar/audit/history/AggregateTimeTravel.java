package dev.bazaar.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.kernel.problem.NotFound;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * An aggregate as it was after a given version or at a given instant, rebuilt from its events by the command side's
 * own aggregate class and event-sourcing handlers, with the same upcasters, so what auditors see is what the command
 * side would have decided from (ADR 0010). Nothing is published: the rebuilt aggregate is thrown away.
 */
@Component
class AggregateTimeTravel {

    /** Up to which event: a version (sequence number) or an instant; neither means the latest. */
    record Until(Long version, Instant asOf) {

        boolean includes(DomainEventMessage<?> event) {
            return (version == null || event.getSequenceNumber() <= version)
                    && (asOf == null || !event.getTimestamp().isAfter(asOf));
        }
    }

    record State(String aggregateType, String aggregateId, long version, Instant lastChangedAt, int eventsApplied,
            boolean deleted, JsonNode state) {
    }

    private final Configuration axon;

    private final EventStore events;

    private final AggregateStateJson json;

    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateTimeTravel(Configuration axon, EventStore events, AggregateStateJson json) {
        this.axon = axon;
        this.events = events;
        this.json = json;
    }

    /** {@code storedType}: the aggregate type as the event store records it (the class's simple name). */
    State rebuild(String storedType, String aggregateId, Until until) {
        AggregateConfiguration<?> aggregate = aggregates().get(storedType);
        if (aggregate == null) {
            throw new NotFound("aggregate type", storedType);
        }
        return rebuild(aggregate, storedType, aggregateId, until);
    }

    private <T> State rebuild(AggregateConfiguration<T> aggregate, String storedType, String aggregateId,
            Until until) {
        // from sequence 0: a snapshot would skip the events an auditor asks to see applied one by one
        DomainEventStream stream = events.readEvents(aggregateId, 0L);
        if (!stream.hasNext() || !storedType.equals(stream.peek().getType())) {
            throw new NotFound(storedType, aggregateId);
        }
        DomainEventMessage<?> first = stream.peek();
        if (!until.includes(first)) {
            throw new NotFound(storedType + " as of " + describe(until), aggregateId);
        }
        List<DomainEventMessage<?>> applied = new ArrayList<>();
        stream.asStream().takeWhile(until::includes).forEach(applied::add);
        DomainEventMessage<?> last = applied.get(applied.size() - 1);
        if (until.version() != null && last.getSequenceNumber() < until.version()) {
            throw new NotFound(storedType + " at version " + until.version() + " (its latest is "
                    + last.getSequenceNumber() + ")", aggregateId);
        }
        T root = aggregate.aggregateFactory().createAggregateRoot(aggregateId, first);
        EventSourcedAggregate<T> rebuilt = EventSourcedAggregate.initialize(root, model(aggregate.aggregateType()),
                null, NoSnapshotTriggerDefinition.TRIGGER);
        rebuilt.initializeState(DomainEventStream.of(applied));
        return new State(storedType, aggregateId, last.getSequenceNumber(), last.getTimestamp(), applied.size(),
                rebuilt.isDeleted(), json.write(rebuilt.getAggregateRoot()));
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> type) {
        return (AggregateModel<T>) models.computeIfAbsent(type, t -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(t, axon.parameterResolverFactory(), axon.handlerDefinition(t)));
    }

    private Map<String, AggregateConfiguration<?>> aggregates() {
        return axon.findModules(AggregateConfiguration.class).stream().collect(Collectors.toMap(
                a -> a.aggregateType().getSimpleName(), a -> (AggregateConfiguration<?>) a));
    }

    private static String describe(Until until) {
        return until.asOf() != null ? until.asOf().toString() : "version " + until.version();
    }

}
