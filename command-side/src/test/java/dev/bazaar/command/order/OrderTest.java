package dev.bazaar.command.order;

import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.CancelOrder;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.DisputeOpened;
import dev.bazaar.kernel.order.DisputeResolved;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderCancelled;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.ExpireOrder;
import dev.bazaar.kernel.order.OrderExpired;
import dev.bazaar.kernel.order.OrderShipped;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.RecordCapture;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordRefund;
import dev.bazaar.kernel.order.RecordRefundFailure;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.ResolveDispute;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.order.OrderFixture.INTENT;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.REFUND;
import static dev.bazaar.command.order.OrderFixture.TIMINGS;
import static dev.bazaar.command.order.OrderFixture.TOTAL;
import static dev.bazaar.command.order.OrderFixture.authorized;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;
import static dev.bazaar.command.order.OrderFixture.authorizedWithScheduledExpiry;
import static dev.bazaar.command.order.OrderFixture.namingItsDeadline;
import static dev.bazaar.command.order.OrderFixture.placed;
import static dev.bazaar.command.order.OrderFixture.theProcess;
import static dev.bazaar.command.order.OrderFixture.then;

/** The order's steps and refusals, one behaviour each; long because the order has that many steps. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderTest {

    private AggregateTestFixture<Order> fixture;

    /** A command as the given actor sends it (for the fixture's given commands). */
    private static Object as(java.util.Map<String, Object> actor, Object command) {
        return org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command).andMetaData(actor);
    }

    @BeforeEach
    void setUp() {
        fixture = OrderFixture.aFixture();
    }

    @Test
    void an_authorised_payment_gives_the_seller_until_the_acceptance_deadline_and_tells_the_process_when() {
        Instant acceptBy = fixture.currentTime().plus(Duration.ofHours(48));
        fixture.given(placed())
                .when(new RecordPaymentAuthorization(ORDER, INTENT, TOTAL), theProcess())
                .expectEvents(new PaymentAuthorized(ORDER, INTENT, TOTAL, acceptBy, null))
                .expectResultMessagePayload(acceptBy)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_repeated_report_of_the_authorisation_changes_nothing_and_answers_the_same_time() {
        fixture.given(authorized())
                .when(new RecordPaymentAuthorization(ORDER, INTENT, TOTAL), theProcess())
                .expectNoEvents()
                .expectResultMessagePayload(Instant.EPOCH);
    }

    @Test
    void a_report_of_the_authorisation_after_the_order_moved_on_answers_no_time() {
        fixture.given(then(authorized(), new OrderAccepted(ORDER)))
                .when(new RecordPaymentAuthorization(ORDER, INTENT, TOTAL), theProcess())
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void nobody_but_the_payment_process_records_what_the_provider_did() {
        fixture.given(placed())
                .when(new RecordPaymentAuthorization(ORDER, INTENT, TOTAL), aBuyer())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void the_seller_accepts_an_authorised_order() {
        fixture.given(authorized())
                .when(new AcceptOrder(ORDER), theSeller())
                .expectEvents(new OrderAccepted(ORDER));
    }

    @Test
    void the_buyer_cannot_accept_their_own_order() {
        fixture.given(authorized())
                .when(new AcceptOrder(ORDER), aBuyer())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_order_the_sweep_finds_not_accepted_in_time_expires() {
        fixture.given(authorized())
                .when(new ExpireOrder(ORDER), theProcess())
                .expectEvents(new OrderExpired(ORDER));
    }

    @Test
    void an_order_accepted_before_the_sweep_came_does_not_expire() {
        fixture.given(then(authorized(), new OrderAccepted(ORDER)))
                .when(new ExpireOrder(ORDER), theProcess())
                .expectNoEvents();
        fixture.given(then(authorized(), new OrderExpired(ORDER)))
                .when(new ExpireOrder(ORDER), theProcess())
                .expectNoEvents();
    }

    @Test
    void nobody_but_the_platform_expires_an_order() {
        fixture.given(authorized())
                .when(new ExpireOrder(ORDER), theSeller())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_order_authorised_before_the_sweep_is_accepted_or_expired_all_the_same() {
        fixture.given(authorizedWithScheduledExpiry())
                .when(new AcceptOrder(ORDER), theSeller())
                .expectEvents(new OrderAccepted(ORDER));
        fixture.given(authorizedWithScheduledExpiry())
                .when(new ExpireOrder(ORDER), theProcess())
                .expectEvents(new OrderExpired(ORDER));
    }

    @Test
    void the_seller_declines_and_the_buyer_cancels_before_acceptance() {
        fixture.given(authorized())
                .when(new DeclineOrder(ORDER, "out of stock"), theSeller())
                .expectEvents(new OrderDeclined(ORDER, DeclineCause.SELLER_DECLINED, "out of stock"));
        fixture.given(authorized())
                .when(new CancelOrder(ORDER), aBuyer())
                .expectEvents(new OrderCancelled(ORDER));
    }

    @Test
    void an_accepted_order_can_no_longer_be_cancelled() {
        fixture.given(then(authorized(), new OrderAccepted(ORDER)))
                .when(new CancelOrder(ORDER), aBuyer())
                .expectException(refusal("order-transition"));
    }

    @Test
    void the_capture_puts_the_payment_in_escrow() {
        fixture.given(then(authorized(), new OrderAccepted(ORDER)))
                .when(new RecordCapture(ORDER, INTENT, TOTAL, eur(117)), theProcess())
                .expectEvents(new PaymentCaptured(ORDER, INTENT, TOTAL, eur(117)));
    }

    @Test
    void nothing_ships_before_the_money_is_in_escrow() {
        fixture.given(authorized())
                .when(new MarkShipped(ORDER, "DHL", "1"), theSeller())
                .expectException(refusal("order-transition"));
    }

    @Test
    void shipping_starts_the_completion_clock() {
        fixture.given(inEscrow())
                .when(new MarkShipped(ORDER, "DHL", "1"), theSeller())
                .expectEventsMatching(namingItsDeadline(new OrderShipped(ORDER, "DHL", "1",
                        fixture.currentTime().plus(Duration.ofDays(7)), null)))
                .expectScheduledDeadlineWithName(Duration.ofDays(7), Order.COMPLETION_DEADLINE);
    }

    @Test
    void a_shipped_order_completes_by_itself_and_releases_the_escrow_less_commission() {
        fixture.given(inEscrow())
                .andGivenCommands(as(theSeller(), new MarkShipped(ORDER, "DHL", "1")))
                .whenTimeElapses(Duration.ofDays(8))
                .expectEvents(new OrderCompleted(ORDER, true),
                        new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)));
    }

    @Test
    void the_buyers_confirmation_completes_the_order() {
        fixture.given(inEscrow())
                .when(new ConfirmReceipt(ORDER), aBuyer())
                .expectEvents(new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)));
    }

    @Test
    void a_refund_in_escrow_comes_from_the_held_funds() {
        fixture.given(inEscrow())
                .when(new RefundOrder(ORDER, REFUND, eur(1000), "scratch"), theSeller())
                .expectEvents(new RefundRequested(ORDER, REFUND, eur(1000), eur(0), eur(0), "scratch"));
    }

    @Test
    void no_refund_exceeds_what_was_captured_and_not_yet_refunded() {
        fixture.given(then(inEscrow(), new RefundRequested(ORDER, REFUND, eur(2500), eur(0), eur(0), "most")))
                .when(new RefundOrder(ORDER, RefundId.random(), eur(501), "more"), anAdmin())
                .expectException(refusal("refund-not-possible"));
    }

    @Test
    void before_capture_only_the_whole_amount_is_refunded_and_that_declines_the_order() {
        fixture.given(authorized())
                .when(new RefundOrder(ORDER, REFUND, eur(1000), "part"), theSeller())
                .expectException(refusal("refund-not-possible"));
        fixture.given(authorized())
                .when(new RefundOrder(ORDER, REFUND, TOTAL, "all"), theSeller())
                .expectEvents(new OrderDeclined(ORDER, DeclineCause.REFUNDED_BEFORE_CAPTURE, "all"));
    }

    @Test
    void a_refund_after_payout_comes_back_from_seller_and_commission_in_proportion() {
        fixture.given(then(inEscrow(), new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)),
                        new PayoutSent(ORDER, dev.bazaar.command.Actors.SELLER, "tr_1", eur(2700)),
                        new RefundRequested(ORDER, REFUND, eur(1000), eur(900), eur(100), "half")))
                .when(new RecordRefund(ORDER, REFUND, "re_1", true), theProcess())
                .expectEvents(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), true));
    }

    @Test
    void where_the_platform_keeps_its_commission_a_refund_comes_from_the_sellers_share_first() {
        var keeping = new AggregateTestFixture<>(Order.class);
        keeping.registerInjectableResource(TIMINGS);
        keeping.registerInjectableResource(new CommissionPolicy(1000, java.util.Map.of(), java.util.Map.of(), false));
        keeping.given(then(inEscrow(), new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300))))
                .when(new RefundOrder(ORDER, REFUND, eur(2800), "nearly all"), anAdmin())
                .expectEvents(new RefundRequested(ORDER, REFUND, eur(2800), eur(2700), eur(100), "nearly all"));
    }

    @Test
    void a_dispute_freezes_the_order_and_stops_the_clock() {
        fixture.given(then(inEscrow(), new DisputeOpened(ORDER, "broken")))
                .when(new ConfirmReceipt(ORDER), aBuyer())
                .expectException(refusal("order-frozen"));
        fixture.given(inEscrow())
                .andGivenCommands(as(theSeller(), new MarkShipped(ORDER, "DHL", "1")),
                        as(aBuyer(), new OpenDispute(ORDER, "broken")))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents();
    }

    @Test
    void an_admin_splits_a_dispute_and_the_order_completes() {
        fixture.given(then(inEscrow(), new DisputeOpened(ORDER, "broken")))
                .when(new ResolveDispute(ORDER, eur(1000), "half broken"), anAdmin())
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new DisputeResolved(ORDER, eur(1000), "half broken")),
                                org.hamcrest.Matchers.instanceOf(RefundRequested.class),
                                org.hamcrest.Matchers.equalTo(new OrderCompleted(ORDER, false)),
                                org.hamcrest.Matchers.equalTo(new EscrowReleased(ORDER,
                                        dev.bazaar.command.Actors.SELLER, eur(1800), eur(200))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void only_an_admin_resolves_a_dispute() {
        fixture.given(then(inEscrow(), new DisputeOpened(ORDER, "broken")))
                .when(new ResolveDispute(ORDER, eur(0), "fine"), theSeller())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_declined_card_ends_the_order_and_a_late_authorisation_changes_nothing() {
        fixture.given(placed())
                .when(new dev.bazaar.kernel.order.RecordPaymentFailure(ORDER, "generic_decline"), theProcess())
                .expectEvents(new dev.bazaar.kernel.order.PaymentFailed(ORDER, "generic_decline"));
        fixture.given(placed(), new dev.bazaar.kernel.order.PaymentFailed(ORDER, "generic_decline"))
                .when(new RecordPaymentAuthorization(ORDER, INTENT, TOTAL), theProcess())
                .expectNoEvents();
    }

    @Test
    void a_failed_capture_ends_the_order() {
        fixture.given(then(authorized(), new OrderAccepted(ORDER)))
                .when(new dev.bazaar.kernel.order.RecordCaptureFailure(ORDER, "expired"), theProcess())
                .expectEvents(new dev.bazaar.kernel.order.CaptureFailed(ORDER, "expired"));
    }

    @Test
    void a_service_is_fulfilled_and_a_shipment_delivered_each_restarting_the_completion_clock() {
        fixture.given(inEscrow())
                .when(new dev.bazaar.kernel.order.MarkFulfilled(ORDER), theSeller())
                .expectEventsMatching(namingItsDeadline(new dev.bazaar.kernel.order.OrderDelivered(ORDER, true,
                        fixture.currentTime().plus(Duration.ofDays(7)), null)));
        fixture.given(then(inEscrow(), new OrderShipped(ORDER, "DHL", "1", fixture.currentTime(), "deadline-2")))
                .when(new dev.bazaar.kernel.order.MarkDelivered(ORDER), theSeller())
                .expectEventsMatching(namingItsDeadline(new dev.bazaar.kernel.order.OrderDelivered(ORDER, false,
                        fixture.currentTime().plus(Duration.ofDays(7)), null)))
                .expectScheduledDeadlineWithName(Duration.ofDays(7), Order.COMPLETION_DEADLINE);
    }

    @Test
    void another_seller_cannot_decline_ship_or_refund_the_order() {
        fixture.given(authorized())
                .when(new DeclineOrder(ORDER, "no"), dev.bazaar.command.Actors.anotherSeller())
                .expectException(refusal("not-permitted"));
        fixture.given(inEscrow())
                .when(new MarkShipped(ORDER, "DHL", "1"), dev.bazaar.command.Actors.anotherSeller())
                .expectException(refusal("not-permitted"));
        fixture.given(inEscrow())
                .when(new RefundOrder(ORDER, REFUND, eur(100), "x"), aBuyer())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_dispute_is_opened_only_by_the_buyer_of_a_paid_open_order() {
        fixture.given(authorized())
                .when(new OpenDispute(ORDER, "late"), aBuyer())
                .expectException(refusal("order-transition"));
        fixture.given(inEscrow())
                .when(new OpenDispute(ORDER, "late"), theSeller())
                .expectException(refusal("not-permitted"));
        fixture.given(inEscrow())
                .when(new OpenDispute(ORDER, "late"), aBuyer())
                .expectEvents(new DisputeOpened(ORDER, "late"));
    }

    @Test
    void a_failed_refund_puts_its_amount_back_where_it_came_from() {
        fixture.given(then(inEscrow(), new RefundRequested(ORDER, REFUND, eur(3000), eur(0), eur(0), "all")))
                .when(new RecordRefundFailure(ORDER, REFUND, "declined"), theProcess())
                .expectEvents(new dev.bazaar.kernel.order.RefundFailed(ORDER, REFUND, "declined"));
        fixture.given(then(inEscrow(), new RefundRequested(ORDER, REFUND, eur(3000), eur(0), eur(0), "all"),
                        new dev.bazaar.kernel.order.RefundFailed(ORDER, REFUND, "declined")))
                .when(new RefundOrder(ORDER, RefundId.random(), eur(3000), "again"), theSeller())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_failed_payout_is_requested_again_and_a_sent_one_is_not() {
        var released = then(inEscrow(), new OrderCompleted(ORDER, false),
                new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)),
                new dev.bazaar.kernel.order.PayoutFailed(ORDER, dev.bazaar.command.Actors.SELLER, "no account"));
        fixture.given(released)
                .when(new dev.bazaar.kernel.order.RetryPayout(ORDER), theProcess())
                .expectEvents(new dev.bazaar.kernel.order.PayoutRequested(ORDER, dev.bazaar.command.Actors.SELLER,
                        eur(2700), 2));
        var paid = new java.util.ArrayList<>(released);
        paid.add(new PayoutSent(ORDER, dev.bazaar.command.Actors.SELLER, "tr_1", eur(2700)));
        fixture.given(paid)
                .when(new dev.bazaar.kernel.order.RetryPayout(ORDER), theProcess())
                .expectNoEvents();
        fixture.given(released)
                .when(new dev.bazaar.kernel.order.RetryPayout(ORDER), theSeller())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_admin_retries_a_failed_payout_and_is_told_when_there_is_none_to_retry() {
        var released = then(inEscrow(), new OrderCompleted(ORDER, false),
                new EscrowReleased(ORDER, dev.bazaar.command.Actors.SELLER, eur(2700), eur(300)));
        var failed = new java.util.ArrayList<>(released);
        failed.add(new dev.bazaar.kernel.order.PayoutFailed(ORDER, dev.bazaar.command.Actors.SELLER, "balance"));
        fixture.given(failed)
                .when(new dev.bazaar.kernel.order.RetryPayout(ORDER), anAdmin())
                .expectEvents(new dev.bazaar.kernel.order.PayoutRequested(ORDER, dev.bazaar.command.Actors.SELLER,
                        eur(2700), 2));
        fixture.given(released)
                .when(new dev.bazaar.kernel.order.RetryPayout(ORDER), anAdmin())
                .expectException(refusal("no-failed-payout"));
    }

    @Test
    void a_provider_dispute_closed_before_its_opening_arrived_is_recorded_whole() {
        fixture.given(inEscrow())
                .when(new RecordProviderDisputeClosed(ORDER, "dp_1", "lost", TOTAL, "fraudulent"), theProcess())
                .expectEvents(new ProviderDisputeOpened(ORDER, "dp_1", TOTAL, "fraudulent"),
                        new ProviderDisputeClosed(ORDER, "dp_1", "lost", TOTAL, eur(0)));
    }

}
