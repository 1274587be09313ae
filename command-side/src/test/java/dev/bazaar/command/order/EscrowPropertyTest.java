package dev.bazaar.command.order;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordCapture;
import dev.bazaar.kernel.order.RecordPayout;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordRefund;
import dev.bazaar.kernel.order.RecordRefundFailure;
import dev.bazaar.kernel.order.RecordRefundReturned;
import dev.bazaar.kernel.order.RefundFailed;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.kernel.order.ResolveDispute;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.order.OrderFixture.INTENT;
import static dev.bazaar.command.order.OrderFixture.ORDER;
import static dev.bazaar.command.order.OrderFixture.TIMINGS;
import static dev.bazaar.command.order.OrderFixture.TOTAL;
import static dev.bazaar.command.order.OrderFixture.authorized;
import static dev.bazaar.command.order.OrderFixture.eur;
import static dev.bazaar.command.order.OrderFixture.theProcess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random journeys of an order (accept, capture, ship, refunds that succeed or fail, disputes and their resolution,
 * payouts, chargebacks, the provider withdrawing and giving back disputed funds, refunds that come back) against the
 * real aggregate; after every step the money must add up.
 */
class EscrowPropertyTest {

    /** One step of a journey: a command, and who sends it. */
    record Step(String name, Object command, Map<String, Object> actor) {

        @Override
        public String toString() {
            return name;
        }

    }

    @Property(tries = 150)
    void captured_money_is_always_released_refunded_lost_or_still_held(@ForAll("journeys") List<Step> journey,
            @ForAll boolean refundsReturnCommission) {
        List<Object> history = new ArrayList<>(List.of(authorized()));
        for (Step step : journey) {
            var fixture = new AggregateTestFixture<>(Order.class);
            fixture.registerInjectableResource(TIMINGS);
            fixture.registerInjectableResource(new CommissionPolicy(1000, Map.of(), Map.of(), refundsReturnCommission));
            fixture.given(history).when(resolve(step, history), step.actor());
            history = fixture.getEventStore().readEvents(ORDER.toString()).asStream()
                    .map(Message::getPayload).map(Object.class::cast).toList();
            assertMoneyAddsUp(history);
        }
    }

    @Provide
    Arbitrary<List<Step>> journeys() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.just(new Step("accept", new AcceptOrder(ORDER), theSeller())),
                Arbitraries.just(new Step("capture", new RecordCapture(ORDER, INTENT, TOTAL, eur(117)), theProcess())),
                Arbitraries.just(new Step("ship", new MarkShipped(ORDER, "DHL", "1"), theSeller())),
                Arbitraries.just(new Step("deliver", new MarkDelivered(ORDER), theSeller())),
                Arbitraries.just(new Step("confirm", new ConfirmReceipt(ORDER), aBuyer())),
                Arbitraries.longs().between(1, 3500).map(amount -> new Step("refund " + amount,
                        new RefundOrder(ORDER, RefundId.random(), eur(amount), "r"), anAdmin())),
                Arbitraries.just(new Step("refund issued", "issued", theProcess())),
                Arbitraries.just(new Step("refund failed", "failed", theProcess())),
                Arbitraries.just(new Step("refund returned", "returned", theProcess())),
                Arbitraries.just(new Step("dispute", new OpenDispute(ORDER, "broken"), aBuyer())),
                Arbitraries.longs().between(0, 3500).map(amount -> new Step("resolve " + amount,
                        new ResolveDispute(ORDER, eur(amount), "n"), anAdmin())),
                Arbitraries.just(new Step("payout", new RecordPayout(ORDER, "tr_1", eur(1)), theProcess())),
                Arbitraries.of("won", "lost").map(outcome -> new Step("chargeback " + outcome,
                        new RecordProviderDisputeClosed(ORDER, "dp_" + outcome, outcome, eur(1500), "fraud"),
                        theProcess())),
                Arbitraries.of("won", "lost").map(outcome -> new Step("funds withdrawn " + outcome,
                        new RecordProviderDisputeFundsWithdrawn(ORDER, "dp_" + outcome, eur(1500), eur(15), "fraud"),
                        theProcess())),
                Arbitraries.of("won", "lost").map(outcome -> new Step("funds reinstated " + outcome,
                        new RecordProviderDisputeFundsReinstated(ORDER, "dp_" + outcome, eur(1500), eur(15)),
                        theProcess())));
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    /**
     * "issued" and "failed" answer the oldest refund still under way, if any; "returned" sends back the oldest refund
     * issued and not yet returned, if any.
     */
    private static Object resolve(Step step, List<Object> history) {
        if (!(step.command() instanceof String outcome)) {
            return step.command();
        }
        Map<RefundId, Boolean> open = new java.util.LinkedHashMap<>();
        Map<String, Boolean> issued = new java.util.LinkedHashMap<>();
        for (Object event : history) {
            if (event instanceof RefundRequested requested) {
                open.put(requested.refundId(), true);
            }
            if (event instanceof RefundIssued e) {
                open.remove(e.refundId());
                issued.put(e.providerRefundId(), true);
            }
            if (event instanceof RefundFailed failed) {
                open.remove(failed.refundId());
            }
            if (event instanceof RefundReturned e) {
                issued.remove(e.providerRefundId());
            }
        }
        if (outcome.equals("returned")) {
            return new RecordRefundReturned(ORDER, issued.keySet().stream().findFirst().orElse("re_none"), "closed");
        }
        RefundId refund = open.keySet().stream().findFirst().orElse(RefundId.random());
        return outcome.equals("issued") ? new RecordRefund(ORDER, refund, "re_" + refund, true)
                : new RecordRefundFailure(ORDER, refund, "declined");
    }

    /** Folds the events into where the money is, without the aggregate's own arithmetic, and checks it. */
    private static void assertMoneyAddsUp(List<Object> history) {
        long captured = 0;
        long takenFromEscrow = 0;
        long released = 0;
        long refunded = 0;
        long lost = 0;
        long sellerShare = 0;
        long commissionShare = 0;
        Map<RefundId, RefundRequested> refunds = new HashMap<>();
        Map<String, Long> withdrawnByProvider = new HashMap<>();
        java.util.Set<String> disputesClosed = new java.util.HashSet<>();
        for (Object event : history) {
            if (event instanceof PaymentCaptured e) {
                captured += e.amount().amountMinor();
            }
            else if (event instanceof RefundRequested e) {
                refunds.put(e.refundId(), e);
                refunded += e.amount().amountMinor();
                takenFromEscrow += fromEscrow(e);
                sellerShare -= e.fromSeller().amountMinor();
                commissionShare -= e.fromCommission().amountMinor();
            }
            else if (event instanceof RefundFailed e) {
                RefundRequested failed = refunds.get(e.refundId());
                refunded -= failed.amount().amountMinor();
                takenFromEscrow -= fromEscrow(failed);
                sellerShare += failed.fromSeller().amountMinor();
                commissionShare += failed.fromCommission().amountMinor();
            }
            else if (event instanceof EscrowReleased e) {
                long held = captured - takenFromEscrow - released - lost;
                Money share = e.sellerAmount();
                assertThat(share.amountMinor() + e.commission().amountMinor())
                        .as("releases exactly what escrow holds").isEqualTo(held);
                assertThat(e.commission().amountMinor()).as("10 %% commission, rounded down")
                        .isEqualTo(held * 1000 / 10_000);
                released += held;
                sellerShare += share.amountMinor();
                commissionShare += e.commission().amountMinor();
            }
            else if (event instanceof RefundReturned e) {
                // back in the balance, held for the order again, whatever part the seller or commission had given
                refunded -= e.amount().amountMinor();
                takenFromEscrow -= e.amount().amountMinor();
            }
            else if (event instanceof ProviderDisputeClosed e) {
                lost += e.fromEscrow().amountMinor();
                disputesClosed.add(e.disputeId());
            }
            else if (event instanceof ProviderDisputeFundsWithdrawn e) {
                assertThat(disputesClosed).as("no withdrawal after the close").doesNotContain(e.disputeId());
                assertThat(withdrawnByProvider).as("one withdrawal per dispute").doesNotContainKey(e.disputeId());
                withdrawnByProvider.put(e.disputeId(), e.amount().amountMinor());
            }
            else if (event instanceof ProviderDisputeFundsReinstated e) {
                assertThat(withdrawnByProvider.get(e.disputeId())).as("gives back exactly what was withdrawn")
                        .isEqualTo(e.amount().amountMinor());
                withdrawnByProvider.put(e.disputeId(), 0L);
                assertThat(e.feeReturned().amountMinor()).as("never more fee than charged").isBetween(0L, 15L);
            }
            long held = captured - takenFromEscrow - released - lost;
            assertThat(held).as("escrow never below zero after %s", event).isGreaterThanOrEqualTo(0);
            assertThat(refunded).as("refunds never exceed the capture").isLessThanOrEqualTo(captured);
            assertThat(sellerShare).as("refunds never take more than the seller got").isGreaterThanOrEqualTo(0);
            assertThat(commissionShare).as("nor more than the commission").isGreaterThanOrEqualTo(0);
            assertThat(captured).as("never captures more than the order's total").isLessThanOrEqualTo(3000);
            assertThat(withdrawnByProvider.values()).as("the provider holds nothing below zero")
                    .allMatch(amount -> amount >= 0);
        }
    }

    private static long fromEscrow(RefundRequested refund) {
        return refund.amount().amountMinor() - refund.fromSeller().amountMinor()
                - refund.fromCommission().amountMinor();
    }

}
