package dev.bazaar.command.order;

import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.RecordRefund;
import dev.bazaar.kernel.order.RecordSellerDebtRecovery;
import dev.bazaar.kernel.order.RecordSellerDebtRecoveryFailure;
import dev.bazaar.kernel.order.RecoverSellerDebt;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.SellerDebtRecovered;
import dev.bazaar.kernel.order.SellerDebtRecoveryFailed;
import dev.bazaar.kernel.order.SellerDebtRecoveryRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bazaar.command.Actors.SELLER;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.REFUND;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;
import static dev.bazaar.command.order.OrderFixture.theProcess;
import static dev.bazaar.command.order.OrderFixture.then;

/**
 * A refund after payout whose transfer reversal Stripe refused leaves the seller owing their part; an admin asks
 * again until it comes back.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SellerDebtTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixture.aFixture();
    }

    private static List<Object> paidOut(Object... more) {
        var events = then(inEscrow(), new OrderCompleted(ORDER, false),
                new EscrowReleased(ORDER, SELLER, eur(2700), eur(300)),
                new PayoutSent(ORDER, SELLER, "tr_1", eur(2700)),
                new RefundRequested(ORDER, REFUND, eur(1000), eur(900), eur(100), "half"));
        events.addAll(List.of(more));
        return events;
    }

    /** Paid out, then refunded 10.00 of which 9.00 was the seller's, and Stripe refused to reverse it. */
    private static List<Object> owing(Object... more) {
        var events = paidOut(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), false));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void an_admin_asks_again_for_the_sellers_part_of_a_refund_whose_reversal_was_refused() {
        fixture.given(owing())
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectEvents(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1));
    }

    @Test
    void the_recovery_reported_by_the_provider_settles_the_debt_and_there_is_nothing_left_to_recover() {
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1)))
                .when(new RecordSellerDebtRecovery(ORDER, 1, "trr_1"), theProcess())
                .expectEvents(new SellerDebtRecovered(ORDER, SELLER, eur(900), "trr_1"));
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1),
                        new SellerDebtRecovered(ORDER, SELLER, eur(900), "trr_1")))
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectException(refusal("nothing-owed"));
    }

    @Test
    void a_refused_attempt_leaves_the_debt_and_the_next_one_gets_its_own_number() {
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1)))
                .when(new RecordSellerDebtRecoveryFailure(ORDER, 1, "insufficient_funds"), theProcess())
                .expectEvents(new SellerDebtRecoveryFailed(ORDER, 1, "insufficient_funds"));
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1),
                        new SellerDebtRecoveryFailed(ORDER, 1, "insufficient_funds")))
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectEvents(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 2));
    }

    @Test
    void asking_while_an_attempt_is_under_way_or_reporting_one_twice_changes_nothing() {
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1)))
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectNoEvents();
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1),
                        new SellerDebtRecovered(ORDER, SELLER, eur(900), "trr_1")))
                .when(new RecordSellerDebtRecovery(ORDER, 1, "trr_1"), theProcess())
                .expectNoEvents();
    }

    @Test
    void a_reversed_refund_or_one_before_payout_leaves_nothing_owed() {
        fixture.given(paidOut(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), true)))
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectException(refusal("nothing-owed"));
        fixture.given(then(inEscrow(), new OrderCompleted(ORDER, false),
                        new EscrowReleased(ORDER, SELLER, eur(2700), eur(300)),
                        new RefundRequested(ORDER, REFUND, eur(1000), eur(900), eur(100), "before payout"),
                        new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), false)))
                .when(new RecoverSellerDebt(ORDER), anAdmin())
                .expectException(refusal("nothing-owed"));
    }

    @Test
    void only_an_admin_recovers_a_debt_and_only_the_process_reports_it() {
        fixture.given(owing())
                .when(new RecoverSellerDebt(ORDER), theSeller())
                .expectException(refusal("not-permitted"));
        fixture.given(owing(new SellerDebtRecoveryRequested(ORDER, SELLER, eur(900), 1)))
                .when(new RecordSellerDebtRecovery(ORDER, 1, "trr_1"), anAdmin())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_refused_reversal_at_refund_time_is_what_starts_the_debt() {
        fixture.given(paidOut())
                .when(new RecordRefund(ORDER, REFUND, "re_1", false), theProcess())
                .expectEvents(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), false));
    }

}
