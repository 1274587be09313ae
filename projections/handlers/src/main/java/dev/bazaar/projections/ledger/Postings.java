package dev.bazaar.projections.ledger;

import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.kernel.order.SellerDebtRecovered;

import java.util.ArrayList;
import java.util.List;

/**
 * What each money event posts to the double-entry ledger: lines that sum to zero, debit positive, credit negative.
 * Accounts: {@value #CASH} (the platform's balance at the provider), {@value #ESCROW} (held for an order),
 * {@value #SELLER_PAYABLE} (owed to the seller), {@value #COMMISSION} (the platform's revenue), {@value #PROVIDER_FEES}
 * (what Stripe kept), {@value #DISPUTED_FUNDS} (what Stripe withdrew from the balance while a dispute runs) and
 * {@value #DISPUTE_LOSSES}. Lines of zero are left in; the ledger skips them.
 */
final class Postings {

    static final String CASH = "cash";

    static final String ESCROW = "escrow";

    static final String SELLER_PAYABLE = "seller_payable";

    static final String COMMISSION = "commission";

    static final String DISPUTE_LOSSES = "dispute_losses";

    static final String PROVIDER_FEES = "provider_fees";

    static final String DISPUTED_FUNDS = "disputed_funds";

    /** One line of a posting. */
    record Line(String account, long amountMinor) {
    }

    private Postings() {
    }

    /**
     * The buyer's money arrives in the platform's balance, held for the order in full; the provider's fee is the
     * platform's cost, out of its balance, not out of escrow.
     */
    static List<Line> of(PaymentCaptured event) {
        long fee = event.providerFee() == null ? 0 : event.providerFee().amountMinor();
        return List.of(
                line(CASH, event.amount().amountMinor() - fee),
                line(ESCROW, -event.amount().amountMinor()),
                line(PROVIDER_FEES, fee));
    }

    /** The escrow becomes what the platform owes the seller, and its commission. */
    static List<Line> of(EscrowReleased event) {
        long seller = event.sellerAmount().amountMinor();
        long commission = event.commission().amountMinor();
        return List.of(
                line(ESCROW, seller + commission),
                line(SELLER_PAYABLE, -seller),
                line(COMMISSION, -commission));
    }

    static List<Line> of(PayoutSent event) {
        return List.of(
                line(SELLER_PAYABLE, event.amount().amountMinor()),
                line(CASH, -event.amount().amountMinor()));
    }

    /**
     * The buyer's refund leaves the balance; it comes out of escrow, or out of the seller's share and the commission
     * once released (and when the seller had been paid, their part comes back from the transfer).
     */
    static List<Line> of(RefundIssued event) {
        long fromSeller = event.fromSeller().amountMinor();
        long fromCommission = event.fromCommission().amountMinor();
        long fromEscrow = event.amount().amountMinor() - fromSeller - fromCommission;
        List<Line> lines = new ArrayList<>(List.of(
                line(ESCROW, fromEscrow),
                line(SELLER_PAYABLE, fromSeller),
                line(COMMISSION, fromCommission),
                line(CASH, -event.amount().amountMinor())));
        if (event.transferReversed()) {
            lines.add(line(CASH, fromSeller));
            lines.add(line(SELLER_PAYABLE, -fromSeller));
        }
        return List.copyOf(lines);
    }

    /** What the seller owed after a refused reversal came back from their transfer: the seller owes nothing now. */
    static List<Line> of(SellerDebtRecovered event) {
        return List.of(
                line(CASH, event.amount().amountMinor()),
                line(SELLER_PAYABLE, -event.amount().amountMinor()));
    }

    /** A refund that could not reach the buyer comes back to the balance, held for the order again. */
    static List<Line> of(RefundReturned event) {
        return List.of(
                line(CASH, event.amount().amountMinor()),
                line(ESCROW, -event.amount().amountMinor()));
    }

    /** The provider holds the disputed amount apart from the balance, and keeps its dispute fee. */
    static List<Line> of(ProviderDisputeFundsWithdrawn event) {
        long amount = event.amount().amountMinor();
        long fee = event.fee().amountMinor();
        return List.of(
                line(DISPUTED_FUNDS, amount),
                line(PROVIDER_FEES, fee),
                line(CASH, -(amount + fee)));
    }

    static List<Line> of(ProviderDisputeFundsReinstated event) {
        long amount = event.amount().amountMinor();
        long fee = event.feeReturned().amountMinor();
        return List.of(
                line(CASH, amount + fee),
                line(DISPUTED_FUNDS, -amount),
                line(PROVIDER_FEES, -fee));
    }

    /**
     * A lost dispute's amount leaves the platform: from escrow first, the rest a loss. Whatever the provider had
     * withdrawn for the order ({@code disputedFunds}, what the ledger holds in that account for it) already left the
     * balance, so that part is taken from the disputed funds, not from cash.
     */
    static List<Line> of(ProviderDisputeClosed event, long disputedFunds) {
        long fromEscrow = event.fromEscrow().amountMinor();
        long loss = event.platformLoss().amountMinor();
        long withdrawn = Math.min(fromEscrow + loss, disputedFunds);
        return List.of(
                line(ESCROW, fromEscrow),
                line(DISPUTE_LOSSES, loss),
                line(DISPUTED_FUNDS, -withdrawn),
                line(CASH, -(fromEscrow + loss - withdrawn)));
    }

    private static Line line(String account, long amountMinor) {
        return new Line(account, amountMinor);
    }

}
