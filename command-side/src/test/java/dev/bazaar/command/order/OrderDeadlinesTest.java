package dev.bazaar.command.order;

import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.ResolveDispute;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;

/**
 * The order's automatic completion leaves the scheduler once it is moot, in the same unit of work as the step that
 * made it so: when a later delivery replaces it, the buyer confirms, or a dispute's resolution completes the order.
 * (The expiry of an order not accepted in time is no scheduled deadline since ADR 0015: see OrderTest.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderDeadlinesTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixture.aFixture();
    }

    private static Object as(Map<String, Object> actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor);
    }

    @Test
    void a_delivery_replaces_the_completion_the_shipment_scheduled_so_only_one_fires() {
        fixture.given(inEscrow())
                .andGivenCommands(as(theSeller(), new MarkShipped(ORDER, "DHL", "1")),
                        as(theSeller(), new MarkDelivered(ORDER)))
                .whenTimeElapses(Duration.ofDays(8))
                .expectTriggeredDeadlinesWithName(Order.COMPLETION_DEADLINE)
                .expectEvents(new OrderCompleted(ORDER, true),
                        new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)));
    }

    @Test
    void the_buyers_confirmation_removes_the_automatic_completion() {
        fixture.given(inEscrow())
                .andGivenCommands(as(theSeller(), new MarkShipped(ORDER, "DHL", "1")))
                .when(new ConfirmReceipt(ORDER), aBuyer())
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_resolution_that_completes_the_order_removes_the_automatic_completion() {
        fixture.given(inEscrow())
                .andGivenCommands(as(theSeller(), new MarkShipped(ORDER, "DHL", "1")),
                        as(aBuyer(), new OpenDispute(ORDER, "broken")))
                .when(new ResolveDispute(ORDER, eur(0), "seller was right"), anAdmin())
                .expectNoScheduledDeadlines();
    }

}
