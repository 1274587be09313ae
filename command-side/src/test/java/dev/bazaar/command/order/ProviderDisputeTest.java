package dev.bazaar.command.order;

import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.ProviderDisputeUpdated;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordProviderDisputeUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.TOTAL;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.inEscrow;
import static dev.bazaar.command.order.OrderFixture.theProcess;
import static dev.bazaar.command.order.OrderFixture.then;

/**
 * The provider's disputes as its webhooks report them, in any order and any number of times: opened, updated, funds
 * withdrawn and reinstated, closed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProviderDisputeTest {

    private static final String DISPUTE = "dp_1";

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixture.aFixture();
    }

    private static Object[] opened() {
        return then(inEscrow(), new ProviderDisputeOpened(ORDER, DISPUTE, TOTAL, "fraudulent")).toArray();
    }

    private static RecordProviderDisputeFundsWithdrawn withdrawal() {
        return new RecordProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500), "fraudulent");
    }

    @Test
    void the_funds_the_provider_withdraws_are_recorded_with_its_fee() {
        fixture.given(opened())
                .when(withdrawal(), theProcess())
                .expectEvents(new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500)));
    }

    @Test
    void a_withdrawal_reported_before_the_opening_opens_the_dispute_first() {
        fixture.given(inEscrow())
                .when(withdrawal(), theProcess())
                .expectEvents(new ProviderDisputeOpened(ORDER, DISPUTE, TOTAL, "fraudulent"),
                        new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500)));
    }

    @Test
    void a_withdrawal_reported_twice_is_recorded_once() {
        fixture.given(then(opened(), new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500))))
                .when(withdrawal(), theProcess())
                .expectNoEvents();
    }

    @Test
    void a_withdrawal_reported_after_the_close_changes_nothing() {
        fixture.given(then(opened(), new ProviderDisputeClosed(ORDER, DISPUTE, "lost", TOTAL, eur(0))))
                .when(withdrawal(), theProcess())
                .expectNoEvents();
    }

    @Test
    void a_reinstatement_gives_back_what_was_withdrawn_and_at_most_the_fee_charged() {
        fixture.given(then(opened(), new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500))))
                .when(new RecordProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(9_999)), theProcess())
                .expectEvents(new ProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(1500)));
    }

    @Test
    void a_reinstatement_of_nothing_withdrawn_or_given_back_already_changes_nothing() {
        fixture.given(opened())
                .when(new RecordProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(0)), theProcess())
                .expectNoEvents();
        fixture.given(then(opened(), new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500)),
                        new ProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(0))))
                .when(new RecordProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(0)), theProcess())
                .expectNoEvents();
    }

    @Test
    void a_reinstatement_reported_after_a_won_close_is_still_recorded() {
        fixture.given(then(opened(), new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500)),
                        new ProviderDisputeClosed(ORDER, DISPUTE, "won", eur(0), eur(0))))
                .when(new RecordProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(0)), theProcess())
                .expectEvents(new ProviderDisputeFundsReinstated(ORDER, DISPUTE, TOTAL, eur(0)));
    }

    @Test
    void an_update_is_recorded_when_the_status_changes_and_not_after_the_close() {
        var update = new RecordProviderDisputeUpdated(ORDER, DISPUTE, "under_review", TOTAL, "fraudulent");
        fixture.given(opened())
                .when(update, theProcess())
                .expectEvents(new ProviderDisputeUpdated(ORDER, DISPUTE, "under_review"));
        fixture.given(then(opened(), new ProviderDisputeUpdated(ORDER, DISPUTE, "under_review")))
                .when(update, theProcess())
                .expectNoEvents();
        fixture.given(then(opened(), new ProviderDisputeClosed(ORDER, DISPUTE, "won", eur(0), eur(0))))
                .when(update, theProcess())
                .expectNoEvents();
    }

    @Test
    void a_lost_dispute_whose_funds_were_withdrawn_still_takes_its_amount_from_escrow() {
        fixture.given(then(opened(), new ProviderDisputeFundsWithdrawn(ORDER, DISPUTE, TOTAL, eur(1500))))
                .when(new RecordProviderDisputeClosed(ORDER, DISPUTE, "lost", TOTAL, "fraudulent"), theProcess())
                .expectEvents(new ProviderDisputeClosed(ORDER, DISPUTE, "lost", TOTAL, eur(0)));
    }

    @Test
    void only_the_platform_process_reports_what_the_provider_did() {
        fixture.given(opened())
                .when(withdrawal(), anAdmin())
                .expectException(refusal("not-permitted"));
    }

}
