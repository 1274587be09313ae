package dev.bazaar.command.order;

import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.CancelOrder;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.ResolveDispute;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.order.OrderFixture.INTENT;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.REFUND;
import static dev.bazaar.command.order.OrderFixture.TOTAL;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;
import static dev.bazaar.command.order.OrderFixture.placed;
import static dev.bazaar.command.order.OrderFixture.theProcess;

/**
 * The order's deadlines leave the scheduler once they are moot, in the same unit of work as the step that made them
 * so: the expiry on acceptance, decline, cancellation or a refund before capture; the automatic completion when a
 * later delivery replaces it, the buyer confirms, or a dispute's resolution completes the order.
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
    void accepting_removes_the_expiry_from_the_schedule() {
        fixture.given(placed())
                .andGivenCommands(as(theProcess(), new RecordPaymentAuthorization(ORDER, INTENT, TOTAL)))
                .when(new AcceptOrder(ORDER), theSeller())
                .expectEvents(new OrderAccepted(ORDER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void declining_cancelling_or_refunding_before_acceptance_removes_the_expiry_too() {
        fixture.given(placed())
                .andGivenCommands(as(theProcess(), new RecordPaymentAuthorization(ORDER, INTENT, TOTAL)))
                .when(new DeclineOrder(ORDER, "out of stock"), theSeller())
                .expectNoScheduledDeadlines();
        fixture.given(placed())
                .andGivenCommands(as(theProcess(), new RecordPaymentAuthorization(ORDER, INTENT, TOTAL)))
                .when(new CancelOrder(ORDER), aBuyer())
                .expectNoScheduledDeadlines();
        fixture.given(placed())
                .andGivenCommands(as(theProcess(), new RecordPaymentAuthorization(ORDER, INTENT, TOTAL)))
                .when(new RefundOrder(ORDER, REFUND, TOTAL, "changed my mind"), theSeller())
                .expectEvents(new OrderDeclined(ORDER, DeclineCause.REFUNDED_BEFORE_CAPTURE, "changed my mind"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_order_authorised_before_the_expiry_had_an_id_is_accepted_all_the_same() {
        fixture.given(placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, null))
                .when(new AcceptOrder(ORDER), theSeller())
                .expectEvents(new OrderAccepted(ORDER));
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
