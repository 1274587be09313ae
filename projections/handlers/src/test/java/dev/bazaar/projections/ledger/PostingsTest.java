package dev.bazaar.projections.ledger;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.kernel.order.SellerDebtRecovered;
import dev.bazaar.projections.ledger.Postings.Line;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.bazaar.projections.ledger.Postings.CASH;
import static dev.bazaar.projections.ledger.Postings.COMMISSION;
import static dev.bazaar.projections.ledger.Postings.DISPUTED_FUNDS;
import static dev.bazaar.projections.ledger.Postings.DISPUTE_LOSSES;
import static dev.bazaar.projections.ledger.Postings.ESCROW;
import static dev.bazaar.projections.ledger.Postings.PROVIDER_FEES;
import static dev.bazaar.projections.ledger.Postings.SELLER_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostingsTest {

    private static final OrderId ORDER = OrderId.of("10000000-0000-0000-0000-000000000001");

    private static final UserId SELLER = UserId.of("20000000-0000-0000-0000-000000000001");

    private static final RefundId REFUND = RefundId.of("30000000-0000-0000-0000-000000000001");

    @Test
    void a_capture_holds_the_whole_amount_in_escrow_and_books_the_providers_fee_against_the_balance() {
        var lines = Postings.of(new PaymentCaptured(ORDER, "pi_1", eur(3000), eur(117)));

        assertThat(balances(lines)).containsExactlyInAnyOrderEntriesOf(Map.of(CASH, 2883L, ESCROW, -3000L,
                PROVIDER_FEES, 117L));
        assertBalanced(lines);
    }

    @Test
    void a_capture_the_provider_named_no_fee_for_posts_none() {
        var lines = Postings.of(new PaymentCaptured(ORDER, "pi_1", eur(3000), null));

        assertThat(balances(lines)).containsEntry(CASH, 3000L).containsEntry(PROVIDER_FEES, 0L);
        assertBalanced(lines);
    }

    @Test
    void the_release_turns_escrow_into_what_the_seller_is_owed_and_the_commission() {
        var lines = Postings.of(new EscrowReleased(ORDER, SELLER, eur(2700), eur(300)));

        assertThat(balances(lines)).containsExactlyInAnyOrderEntriesOf(Map.of(ESCROW, 3000L, SELLER_PAYABLE,
                -2700L, COMMISSION, -300L));
        assertBalanced(lines);
    }

    @Test
    void the_payout_settles_what_the_seller_is_owed_out_of_the_balance() {
        var lines = Postings.of(new PayoutSent(ORDER, SELLER, "tr_1", eur(2700)));

        assertThat(balances(lines)).containsExactlyInAnyOrderEntriesOf(Map.of(SELLER_PAYABLE, 2700L, CASH, -2700L));
        assertBalanced(lines);
    }

    @Test
    void a_refund_in_escrow_comes_out_of_the_held_funds() {
        var lines = Postings.of(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(0), eur(0), false));

        assertThat(balances(lines)).containsEntry(ESCROW, 1000L).containsEntry(CASH, -1000L)
                .containsEntry(SELLER_PAYABLE, 0L).containsEntry(COMMISSION, 0L);
        assertBalanced(lines);
    }

    @Test
    void a_refund_after_payout_comes_back_from_the_sellers_transfer_when_it_was_reversed() {
        var reversed = Postings.of(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100), true));
        var notReversed = Postings.of(new RefundIssued(ORDER, REFUND, "re_1", eur(1000), eur(900), eur(100),
                false));

        assertThat(balances(reversed)).containsEntry(CASH, -100L).containsEntry(SELLER_PAYABLE, 0L)
                .containsEntry(COMMISSION, 100L).containsEntry(ESCROW, 0L);
        assertThat(balances(notReversed)).as("the seller owes it until recovered").containsEntry(CASH, -1000L)
                .containsEntry(SELLER_PAYABLE, 900L);
        assertBalanced(reversed);
        assertBalanced(notReversed);
    }

    @Test
    void a_recovered_seller_debt_comes_back_to_the_balance() {
        var lines = Postings.of(new SellerDebtRecovered(ORDER, SELLER, eur(900), "trr_1"));

        assertThat(balances(lines)).containsExactlyInAnyOrderEntriesOf(Map.of(CASH, 900L, SELLER_PAYABLE, -900L));
        assertBalanced(lines);
    }

    @Test
    void a_returned_refund_is_held_for_the_order_again() {
        var lines = Postings.of(new RefundReturned(ORDER, REFUND, "re_1", eur(1000), "expired_or_canceled_card"));

        assertThat(balances(lines)).containsExactlyInAnyOrderEntriesOf(Map.of(CASH, 1000L, ESCROW, -1000L));
        assertBalanced(lines);
    }

    @Test
    void a_disputes_withdrawal_and_its_reinstatement_undo_each_other() {
        var withdrawn = Postings.of(new ProviderDisputeFundsWithdrawn(ORDER, "dp_1", eur(3000), eur(1500)));
        var reinstated = Postings.of(new ProviderDisputeFundsReinstated(ORDER, "dp_1", eur(3000), eur(1500)));

        assertThat(balances(withdrawn)).containsExactlyInAnyOrderEntriesOf(Map.of(DISPUTED_FUNDS, 3000L,
                PROVIDER_FEES, 1500L, CASH, -4500L));
        assertThat(balances(List.of(withdrawn, reinstated).stream().flatMap(List::stream).toList()))
                .allSatisfy((account, balance) -> assertThat(balance).as(account).isZero());
        assertBalanced(withdrawn);
        assertBalanced(reinstated);
    }

    @Test
    void a_lost_dispute_takes_what_was_withdrawn_from_the_disputed_funds_and_only_the_rest_from_cash() {
        var event = new ProviderDisputeClosed(ORDER, "dp_1", "lost", eur(2000), eur(1000));

        var afterWithdrawal = Postings.of(event, 3000);
        var withoutWithdrawal = Postings.of(event, 0);

        assertThat(balances(afterWithdrawal)).containsEntry(ESCROW, 2000L).containsEntry(DISPUTE_LOSSES, 1000L)
                .containsEntry(DISPUTED_FUNDS, -3000L).containsEntry(CASH, 0L);
        assertThat(balances(withoutWithdrawal)).containsEntry(DISPUTED_FUNDS, 0L).containsEntry(CASH, -3000L);
        assertBalanced(afterWithdrawal);
        assertBalanced(withoutWithdrawal);
    }

    @Test
    void a_lost_dispute_takes_no_more_from_the_disputed_funds_than_it_lost() {
        var lines = Postings.of(new ProviderDisputeClosed(ORDER, "dp_1", "lost", eur(500), eur(0)), 3000);

        assertThat(balances(lines)).containsEntry(DISPUTED_FUNDS, -500L).containsEntry(CASH, 0L);
        assertBalanced(lines);
    }

    private static void assertBalanced(List<Line> lines) {
        assertThat(lines.stream().mapToLong(Line::amountMinor).sum()).as("debits and credits of " + lines)
                .isZero();
    }

    private static Map<String, Long> balances(List<Line> lines) {
        Map<String, Long> balances = new TreeMap<>();
        lines.forEach(line -> balances.merge(line.account(), line.amountMinor(), Long::sum));
        return balances;
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

}
