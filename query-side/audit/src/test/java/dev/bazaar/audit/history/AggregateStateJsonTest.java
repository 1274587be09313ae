package dev.bazaar.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bazaar.command.order.Order;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundRequested;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's state as auditors read it after time travel: the command side's own fields, as they are. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AggregateStateJsonTest {

    private static final OrderId ORDER = OrderId.of("90000000-0000-0000-0000-000000000001");

    private final AggregateStateJson json = new AggregateStateJson(new ObjectMapper()
            .registerModule(new JavaTimeModule()));

    @Test
    void an_order_in_escrow_reads_as_its_status_and_its_parts_fields() {
        JsonNode state = json.write(rebuilt(placed(), authorized(), new OrderAccepted(ORDER),
                new PaymentCaptured(ORDER, "pi_1", eur(3000), eur(117))));

        assertThat(state.get("status").asText()).isEqualTo("IN_ESCROW");
        assertThat(state.get("orderId").asText()).isEqualTo(ORDER.toString());
        assertThat(state.get("payment").get("escrow").get("held").asLong()).isEqualTo(3000);
        assertThat(state.get("payment").get("paidOut").asBoolean()).isFalse();
        assertThat(state.get("providerDisputes").get("open").isEmpty()).isTrue();
    }

    @Test
    void values_keep_their_event_shape_and_maps_are_keyed_by_plain_ids() {
        RefundId refund = RefundId.of("a0000000-0000-0000-0000-000000000001");
        JsonNode state = json.write(rebuilt(placed(), authorized(), new OrderAccepted(ORDER),
                new PaymentCaptured(ORDER, "pi_1", eur(3000), eur(0)),
                new RefundRequested(ORDER, refund, eur(500), eur(0), eur(0), "broken"),
                new ProviderDisputeOpened(ORDER, "dp_2", eur(100), "fraud"),
                new ProviderDisputeOpened(ORDER, "dp_1", eur(200), "fraud")));

        JsonNode underWay = state.get("payment").get("refundsUnderWay");
        assertThat(underWay.has(refund.toString())).isTrue();
        assertThat(underWay.get(refund.toString()).get("amount").get("amountMinor").asLong()).isEqualTo(500);
        List<String> disputes = new ArrayList<>();
        state.get("providerDisputes").get("open").fieldNames().forEachRemaining(disputes::add);
        assertThat(disputes).as("sorted, so two rebuilds of one history read the same").containsExactly("dp_1",
                "dp_2");
    }

    private static Order rebuilt(Object... events) {
        // the command handlers' services are only resolved, never called: applying history runs no command
        ParameterResolverFactory services = (executable, parameters, index) -> index == 0 ? null
                : new FixedValueParameterResolver<>(null);
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Order.class, new MultiParameterResolverFactory(
                ClasspathParameterResolverFactory.forClass(Order.class), services));
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>("Order", ORDER.toString(), i, events[i]));
        }
        var aggregate = EventSourcedAggregate.initialize(newOrder(), model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages));
        return aggregate.getAggregateRoot();
    }

    /** As Axon makes an aggregate to apply its history to: through its constructor for that. */
    private static Order newOrder() {
        try {
            Constructor<Order> constructor = Order.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrderPlaced placed() {
        return new OrderPlaced(ORDER, ListingId.of("b0000000-0000-0000-0000-000000000001"),
                UserId.of("c0000000-0000-0000-0000-000000000001"), UserId.of("d0000000-0000-0000-0000-000000000001"),
                1, eur(2500), eur(500), eur(3000), 1000, "pm_card_visa");
    }

    private static PaymentAuthorized authorized() {
        return new PaymentAuthorized(ORDER, "pi_1", eur(3000), Instant.parse("2026-12-04T00:00:00Z"), null);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

}
