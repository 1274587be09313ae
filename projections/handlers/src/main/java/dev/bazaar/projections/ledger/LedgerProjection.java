package dev.bazaar.projections.ledger;

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
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.projections.support.AtCommit;
import dev.bazaar.projections.support.WritesAtCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.Row7;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ENTRY;
import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ORDER;

/**
 * The double-entry ledger: each money event posts the lines {@link Postings} says, which sum to zero. Lines are
 * keyed by (event id, line), so a redelivered event posts nothing twice. Handlers collect the batch's orders and
 * postings; they are written when it commits, in two statements ({@link AtCommit}).
 */
@Component
@ProcessingGroup(ProjectionNames.LEDGER)
@WritesAtCommit
class LedgerProjection {

    private static final String BATCH = LedgerProjection.class.getName() + ".batch";

    private final DSLContext sql;

    LedgerProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(OrderPlaced event) {
        collect(batch -> batch.orders.add(new LedgerOrder(event.orderId().value(), event.sellerId().value(),
                event.total().currency())));
    }

    /**
     * The buyer's money arrives in the platform's balance, held for the order in full; the provider's fee is the
     * platform's cost, out of its balance, not out of escrow.
     */
    @EventHandler
    void on(PaymentCaptured event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "capture", at, Postings.of(event));
    }

    /** The escrow becomes what the platform owes the seller, and its commission. */
    @EventHandler
    void on(EscrowReleased event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "release", at, Postings.of(event));
    }

    @EventHandler
    void on(PayoutSent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "payout", at, Postings.of(event));
    }

    /**
     * The buyer's refund leaves the balance; it comes out of escrow, or out of the seller's share and the
     * commission once released (and when the seller had been paid, their part comes back from the transfer).
     */
    @EventHandler
    void on(RefundIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "refund", at, Postings.of(event));
    }

    /** What the seller owed after a refused reversal came back from their transfer: the seller owes nothing now. */
    @EventHandler
    void on(SellerDebtRecovered event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "seller_debt_recovered", at, Postings.of(event));
    }

    /** A refund that could not reach the buyer comes back to the balance, held for the order again. */
    @EventHandler
    void on(RefundReturned event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "refund_returned", at, Postings.of(event));
    }

    /** The provider holds the disputed amount apart from the balance, and keeps its dispute fee. */
    @EventHandler
    void on(ProviderDisputeFundsWithdrawn event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "dispute_withdrawal", at, Postings.of(event));
    }

    @EventHandler
    void on(ProviderDisputeFundsReinstated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "dispute_reinstatement", at, Postings.of(event));
    }

    /**
     * A lost dispute's amount leaves the platform: from escrow first, the rest a loss. Whatever the provider had
     * withdrawn for the order already left the balance, so that part is taken from the disputed funds, not from cash.
     */
    @EventHandler
    void on(ProviderDisputeClosed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        post(eventId, event.orderId(), "dispute_lost", at, Postings.of(event, disputedFunds(event.orderId())));
    }

    /** Reads what was posted, this batch's postings included (they are written first). */
    private long disputedFunds(OrderId orderId) {
        if (!AtCommit.writingNow()) {
            write(AtCommit.collector(BATCH, Batch::new, this::write));
        }
        Long held = sql.select(DSL.sum(LEDGER_ENTRY.AMOUNT_MINOR).cast(Long.class)).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.ORDER_ID.eq(orderId.value()).and(LEDGER_ENTRY.ACCOUNT.eq(Postings.DISPUTED_FUNDS)))
                .fetchOne(0, Long.class);
        return held == null ? 0 : Math.max(0, held);
    }

    @ResetHandler
    void reset() {
        sql.truncate(LEDGER_ENTRY).execute();
        sql.truncate(LEDGER_ORDER).execute();
    }

    private void post(String eventId, OrderId orderId, String kind, Instant at, List<Postings.Line> lines) {
        List<Postings.Line> posted = lines.stream().filter(line -> line.amountMinor() != 0).toList();
        if (!posted.isEmpty()) {
            collect(batch -> batch.postings.add(new Posting(eventId, orderId.value(), kind,
                    at.atOffset(ZoneOffset.UTC), posted)));
        }
    }

    /** Into this batch's write at commit; or written at once, when a failed batch is retried event by event. */
    private void collect(Consumer<Batch> change) {
        AtCommit.collect(BATCH, Batch::new, this::write, change);
    }

    /**
     * The orders first (a posting's order may be in the same batch), in one insert; then every posting's lines in one
     * insert that takes each order's seller and currency from {@code ledger_order} as it inserts. Only when fewer
     * lines were inserted than posted are the orders looked up: a redelivered event's lines are there already; an
     * unknown order is an error.
     */
    private void write(Batch batch) {
        if (!batch.orders.isEmpty()) {
            var insert = sql.insertInto(LEDGER_ORDER, LEDGER_ORDER.ORDER_ID, LEDGER_ORDER.SELLER_ID,
                    LEDGER_ORDER.CURRENCY);
            for (LedgerOrder order : batch.orders) {
                insert = insert.values(order.orderId(), order.sellerId(), order.currency());
            }
            insert.onConflictDoNothing().execute();
            batch.orders.clear();
        }
        if (!batch.postings.isEmpty()) {
            writePostings(batch.postings);
            batch.postings.clear();
        }
    }

    private void writePostings(List<Posting> postings) {
        List<Row7<String, UUID, Integer, String, String, Long, OffsetDateTime>> rows = new ArrayList<>();
        for (Posting posting : postings) {
            for (int line = 0; line < posting.lines().size(); line++) {
                rows.add(DSL.row(DSL.val(posting.eventId(), SQLDataType.VARCHAR),
                        DSL.val(posting.orderId(), SQLDataType.UUID), DSL.val(line, SQLDataType.INTEGER),
                        DSL.val(posting.lines().get(line).account(), SQLDataType.CLOB),
                        DSL.val(posting.kind(), SQLDataType.CLOB),
                        DSL.val(posting.lines().get(line).amountMinor(), SQLDataType.BIGINT),
                        DSL.val(posting.at(), SQLDataType.TIMESTAMPWITHTIMEZONE)));
            }
        }
        @SuppressWarnings("unchecked")
        var values = DSL.values(rows.toArray(Row7[]::new)).as("v", "event_id", "order_id", "line", "account", "kind",
                "amount_minor", "occurred_at");
        int inserted = sql.insertInto(LEDGER_ENTRY, LEDGER_ENTRY.EVENT_ID, LEDGER_ENTRY.LINE, LEDGER_ENTRY.ORDER_ID,
                        LEDGER_ENTRY.SELLER_ID, LEDGER_ENTRY.ACCOUNT, LEDGER_ENTRY.KIND, LEDGER_ENTRY.AMOUNT_MINOR,
                        LEDGER_ENTRY.CURRENCY, LEDGER_ENTRY.OCCURRED_AT)
                .select(DSL.select(values.field("event_id", String.class), values.field("line", Integer.class),
                                LEDGER_ORDER.ORDER_ID, LEDGER_ORDER.SELLER_ID, values.field("account", String.class),
                                values.field("kind", String.class), values.field("amount_minor", Long.class),
                                LEDGER_ORDER.CURRENCY, values.field("occurred_at", OffsetDateTime.class))
                        .from(values).join(LEDGER_ORDER)
                        .on(LEDGER_ORDER.ORDER_ID.eq(values.field("order_id", UUID.class))))
                .onConflictDoNothing()
                .execute();
        if (inserted < rows.size()) {
            Set<UUID> known = sql.select(LEDGER_ORDER.ORDER_ID).from(LEDGER_ORDER)
                    .where(LEDGER_ORDER.ORDER_ID.in(postings.stream().map(Posting::orderId).toList()))
                    .fetchSet(LEDGER_ORDER.ORDER_ID);
            for (Posting posting : postings) {
                if (!known.contains(posting.orderId())) {
                    throw new NoDataFoundException("No ledger order " + posting.orderId() + " to post "
                            + posting.kind() + " (event " + posting.eventId() + ") to");
                }
            }
        }
    }

    private record LedgerOrder(UUID orderId, UUID sellerId, String currency) {

    }

    private record Posting(String eventId, UUID orderId, String kind, OffsetDateTime at, List<Postings.Line> lines) {

    }

    /** What a batch has to write. */
    private static final class Batch {

        private final List<LedgerOrder> orders = new ArrayList<>();

        private final List<Posting> postings = new ArrayList<>();
    }

}
