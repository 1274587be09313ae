package dev.bazaar.projections.ledger;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.kernel.order.SellerDebtRecovered;
import dev.bazaar.projections.schema.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.Row4;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.bazaar.projections.schema.Tables.LEDGER_ENTRY;
import static dev.bazaar.projections.schema.Tables.LEDGER_ORDER;

/**
 * The double-entry ledger: each money event posts lines that sum to zero (debit positive, credit negative).
 * Accounts: {@code cash} (the platform's balance at the provider), {@code escrow} (held for an order),
 * {@code seller_payable} (owed to the seller), {@code commission} (the platform's revenue),
 * {@code provider_fees} (what Stripe kept), {@code disputed_funds} (what Stripe withdrew from the balance while a
 * dispute runs) and {@code dispute_losses}. Lines are keyed by (event id, line), so a redelivered event posts nothing
 * twice.
 */
@Component
@ProcessingGroup(ProjectionNames.LEDGER)
class LedgerProjection {

    static final String CASH = "cash";

    static final String ESCROW = "escrow";

    static final String SELLER_PAYABLE = "seller_payable";

    static final String COMMISSION = "commission";

    static final String DISPUTE_LOSSES = "dispute_losses";

    static final String PROVIDER_FEES = "provider_fees";

    static final String DISPUTED_FUNDS = "disputed_funds";

    private final DSLContext sql;

    LedgerProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(OrderPlaced event) {
        sql.insertInto(LEDGER_ORDER)
                .set(LEDGER_ORDER.ORDER_ID, event.orderId().value())
                .set(LEDGER_ORDER.SELLER_ID, event.sellerId().value())
                .set(LEDGER_ORDER.CURRENCY, event.total().currency())
                .onConflictDoNothing()
                .execute();
    }

    /**
     * The buyer's money arrives in the platform's balance, held for the order in full; the provider's fee is the
     * platform's cost, out of its balance, not out of escrow.
     */
    @EventHandler
    void on(PaymentCaptured event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long fee = event.providerFee() == null ? 0 : event.providerFee().amountMinor();
        post(eventId, event.orderId(), "capture", at, List.of(
                line(CASH, event.amount().amountMinor() - fee),
                line(ESCROW, -event.amount().amountMinor()),
                line(PROVIDER_FEES, fee)));
    }

    /** The escrow becomes what the platform owes the seller, and its commission. */
    @EventHandler
    void on(EscrowReleased event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Money seller = event.sellerAmount();
        Money commission = event.commission();
        post(eventId, event.orderId(), "release", at, List.of(
                line(ESCROW, seller.amountMinor() + commission.amountMinor()),
                line(SELLER_PAYABLE, -seller.amountMinor()),
                line(COMMISSION, -commission.amountMinor())));
    }

    @EventHandler
    void on(PayoutSent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "payout", at, List.of(
                line(SELLER_PAYABLE, event.amount().amountMinor()),
                line(CASH, -event.amount().amountMinor())));
    }

    /**
     * The buyer's refund leaves the balance; it comes out of escrow, or out of the seller's share and the
     * commission once released (and when the seller had been paid, their part comes back from the transfer).
     */
    @EventHandler
    void on(RefundIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
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
        post(eventId, event.orderId(), "refund", at, lines);
    }

    /** What the seller owed after a refused reversal came back from their transfer: the seller owes nothing now. */
    @EventHandler
    void on(SellerDebtRecovered event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "seller_debt_recovered", at, List.of(
                line(CASH, event.amount().amountMinor()),
                line(SELLER_PAYABLE, -event.amount().amountMinor())));
    }

    /** A refund that could not reach the buyer comes back to the balance, held for the order again. */
    @EventHandler
    void on(RefundReturned event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "refund_returned", at, List.of(
                line(CASH, event.amount().amountMinor()),
                line(ESCROW, -event.amount().amountMinor())));
    }

    /** The provider holds the disputed amount apart from the balance, and keeps its dispute fee. */
    @EventHandler
    void on(ProviderDisputeFundsWithdrawn event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long amount = event.amount().amountMinor();
        long fee = event.fee().amountMinor();
        post(eventId, event.orderId(), "dispute_withdrawal", at, List.of(
                line(DISPUTED_FUNDS, amount),
                line(PROVIDER_FEES, fee),
                line(CASH, -(amount + fee))));
    }

    @EventHandler
    void on(ProviderDisputeFundsReinstated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long amount = event.amount().amountMinor();
        long fee = event.feeReturned().amountMinor();
        post(eventId, event.orderId(), "dispute_reinstatement", at, List.of(
                line(CASH, amount + fee),
                line(DISPUTED_FUNDS, -amount),
                line(PROVIDER_FEES, -fee)));
    }

    /**
     * A lost dispute's amount leaves the platform: from escrow first, the rest a loss. Whatever the provider had
     * withdrawn for the order already left the balance, so that part is taken from the disputed funds, not from cash.
     */
    @EventHandler
    void on(ProviderDisputeClosed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long fromEscrow = event.fromEscrow().amountMinor();
        long loss = event.platformLoss().amountMinor();
        long withdrawn = Math.min(fromEscrow + loss, disputedFunds(event.orderId()));
        post(eventId, event.orderId(), "dispute_lost", at, List.of(
                line(ESCROW, fromEscrow),
                line(DISPUTE_LOSSES, loss),
                line(DISPUTED_FUNDS, -withdrawn),
                line(CASH, -(fromEscrow + loss - withdrawn))));
    }

    private long disputedFunds(OrderId orderId) {
        Long held = sql.select(DSL.sum(LEDGER_ENTRY.AMOUNT_MINOR).cast(Long.class)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.ORDER_ID.eq(orderId.value()).and(LEDGER_ENTRY.ACCOUNT.eq(DISPUTED_FUNDS)))
                .fetchOne(0, Long.class);
        return held == null ? 0 : Math.max(0, held);
    }

    @ResetHandler
    void reset() {
        sql.truncate(LEDGER_ENTRY).execute();
        sql.truncate(LEDGER_ORDER).execute();
    }

    /**
     * One statement per posting: its lines in one multi-row insert that takes the order's seller and currency from
     * {@code ledger_order} as it inserts (a round trip, not one per line, and no read first). Only when nothing was
     * inserted is the order looked up: a redelivered event's lines are there already; an unknown order is an error.
     */
    private void post(String eventId, OrderId orderId, String kind, Instant at, List<Line> lines) {
        List<Row4<Integer, String, Long, OffsetDateTime>> rows = new ArrayList<>();
        for (Line line : lines) {
            if (line.amountMinor() != 0) {
                rows.add(DSL.row(DSL.val(rows.size(), SQLDataType.INTEGER), DSL.val(line.account(), SQLDataType.CLOB),
                        DSL.val(line.amountMinor(), SQLDataType.BIGINT),
                        DSL.val(at.atOffset(ZoneOffset.UTC), SQLDataType.TIMESTAMPWITHTIMEZONE)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        var values = DSL.values(rows.toArray(Row4[]::new)).as("v", "line", "account", "amount_minor", "occurred_at");
        int inserted = sql.insertInto(LEDGER_ENTRY, LEDGER_ENTRY.EVENT_ID, LEDGER_ENTRY.LINE, LEDGER_ENTRY.ORDER_ID,
                        LEDGER_ENTRY.SELLER_ID, LEDGER_ENTRY.ACCOUNT, LEDGER_ENTRY.KIND, LEDGER_ENTRY.AMOUNT_MINOR,
                        LEDGER_ENTRY.CURRENCY, LEDGER_ENTRY.OCCURRED_AT)
                .select(DSL.select(DSL.val(eventId), values.field("line", Integer.class), LEDGER_ORDER.ORDER_ID,
                                LEDGER_ORDER.SELLER_ID, values.field("account", String.class), DSL.val(kind),
                                values.field("amount_minor", Long.class), LEDGER_ORDER.CURRENCY,
                                values.field("occurred_at", OffsetDateTime.class))
                        .from(LEDGER_ORDER).crossJoin(values)
                        .where(LEDGER_ORDER.ORDER_ID.eq(orderId.value())))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0 && !sql.fetchExists(LEDGER_ORDER, LEDGER_ORDER.ORDER_ID.eq(orderId.value()))) {
            throw new NoDataFoundException("No ledger order " + orderId + " to post " + kind + " (event " + eventId
                    + ") to");
        }
    }

    private static Line line(String account, long amountMinor) {
        return new Line(account, amountMinor);
    }

    private record Line(String account, long amountMinor) {

    }

}
