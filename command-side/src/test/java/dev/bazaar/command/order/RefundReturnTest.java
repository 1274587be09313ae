package dev.bazaar.command.order;

import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.FundsHeldAfterCompletion;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.RecordRefundFailure;
import dev.bazaar.kernel.order.RecordRefundReturned;
import dev.bazaar.kernel.order.RefundFailed;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.RefundReturned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bazaar.command.Actors.SELLER;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.REFUND;
import static dev.bazaar.command.order.OrderFixture.TOTAL;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;
import static dev.bazaar.command.order.OrderFixture.theProcess;
import static dev.bazaar.command.order.OrderFixture.then;

/**
 * A refund the provider issued and later could not deliver (a closed card): its amount is held again; after the order
 * completed, held money goes on the admins' list, as does a refund the provider refused after completion.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefundReturnTest {

    private static final String CLOSED_CARD = "expired_or_canceled_card";

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixture.aFixture();
    }

    private static List<Object> refundedInEscrow() {
        return then(inEscrow(), new RefundRequested(ORDER, REFUND, eur(1000), eur(0), eur(0), "scratch"),
                new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(0), eur(0), false));
    }

    @Test
    void a_returned_refund_is_recorded_with_its_amount() {
        fixture.given(refundedInEscrow())
                .when(new RecordRefundReturned(ORDER, "re_1", CLOSED_CARD), theProcess())
                .expectEvents(new RefundReturned(ORDER, REFUND, "re_1", eur(1000), CLOSED_CARD));
    }

    @Test
    void a_return_reported_twice_or_of_an_unknown_refund_changes_nothing() {
        var returned = new java.util.ArrayList<>(refundedInEscrow());
        returned.add(new RefundReturned(ORDER, REFUND, "re_1", eur(1000), CLOSED_CARD));
        fixture.given(returned)
                .when(new RecordRefundReturned(ORDER, "re_1", CLOSED_CARD), theProcess())
                .expectNoEvents();
        fixture.given(refundedInEscrow())
                .when(new RecordRefundReturned(ORDER, "re_other", CLOSED_CARD), theProcess())
                .expectNoEvents();
    }

    @Test
    void the_returned_amount_can_be_refunded_again_and_no_more() {
        var returned = new java.util.ArrayList<>(refundedInEscrow());
        returned.add(new RefundReturned(ORDER, REFUND, "re_1", eur(1000), CLOSED_CARD));
        RefundId again = RefundId.of("40000000-0000-0000-0000-000000000002");
        fixture.given(returned)
                .when(new RefundOrder(ORDER, again, TOTAL, "all, again"), anAdmin())
                .expectEvents(new RefundRequested(ORDER, again, TOTAL, eur(0), eur(0), "all, again"));
        fixture.given(returned)
                .when(new RefundOrder(ORDER, again, eur(3001), "too much"), anAdmin())
                .expectException(refusal("refund-not-possible"));
    }

    @Test
    void a_refund_returned_after_payout_is_held_for_the_order_and_refunded_from_there() {
        fixture.given(then(inEscrow(), new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, SELLER, eur(2700), eur(300)),
                        new PayoutSent(ORDER, SELLER, "tr_1", eur(2700)),
                        new RefundRequested(ORDER, REFUND, eur(1000), eur(900), eur(100), "half"),
                        new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), true),
                        new RefundReturned(ORDER, REFUND, "re_1", eur(1000), CLOSED_CARD)))
                .when(new RefundOrder(ORDER, RefundId.of("40000000-0000-0000-0000-000000000003"), eur(1000),
                        "by another way"), anAdmin())
                .expectEvents(new RefundRequested(ORDER, RefundId.of("40000000-0000-0000-0000-000000000003"),
                        eur(1000), eur(0), eur(0), "by another way"));
    }

    @Test
    void a_refund_returned_after_the_order_completed_puts_the_order_on_the_admins_list() {
        fixture.given(then(inEscrow(), new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, SELLER, eur(2700), eur(300)),
                        new RefundRequested(ORDER, REFUND, eur(1000), eur(900), eur(100), "half"),
                        new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), false)))
                .when(new RecordRefundReturned(ORDER, "re_1", CLOSED_CARD), theProcess())
                .expectEvents(new RefundReturned(ORDER, REFUND, "re_1", eur(1000), CLOSED_CARD),
                        new FundsHeldAfterCompletion(ORDER, eur(1000),
                                "refund " + REFUND + " came back: " + CLOSED_CARD));
    }

    @Test
    void a_dispute_split_whose_refund_fails_after_completion_holds_the_refund_for_the_admins() {
        fixture.given(then(inEscrow(), new RefundRequested(ORDER, REFUND, eur(1000), eur(0), eur(0), "split"),
                        new OrderCompleted(ORDER, false), new EscrowReleased(ORDER, SELLER, eur(1800), eur(200))))
                .when(new RecordRefundFailure(ORDER, REFUND, "insufficient balance"), theProcess())
                .expectEvents(new RefundFailed(ORDER, REFUND, "insufficient balance"),
                        new FundsHeldAfterCompletion(ORDER, eur(1000),
                                "refund " + REFUND + " failed: insufficient balance"));
    }

    @Test
    void only_the_platform_process_reports_a_returned_refund() {
        fixture.given(refundedInEscrow())
                .when(new RecordRefundReturned(ORDER, "re_1", CLOSED_CARD), anAdmin())
                .expectException(refusal("not-permitted"));
    }

}
