package dev.bazaar.projections.order;

import dev.bazaar.kernel.order.CaptureFailed;
import dev.bazaar.kernel.order.DisputeOpened;
import dev.bazaar.kernel.order.DisputeResolved;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.FundsHeldAfterCompletion;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderCancelled;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDelivered;
import dev.bazaar.kernel.order.OrderExpired;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.OrderShipped;
import dev.bazaar.kernel.order.OrderStatus;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PaymentFailed;
import dev.bazaar.kernel.order.PayoutFailed;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.ProviderDisputeUpdated;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.jooq.tables.records.OrderSummaryRecord;
import dev.bazaar.projections.support.BatchedRows;
import dev.bazaar.projections.support.KeepsCaches;
import dev.bazaar.projections.support.WritesAtCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;

/**
 * One row per order: status, money so far, deadlines. Its handlers only collect changes: the batch's rows are read
 * with one query and written back with one upsert when it commits ({@link BatchedRows}), so an order whose placing
 * and authorisation (or acceptance and capture) arrive in one batch is written once. Each change names the order's
 * version it comes from and applies only if the row is older, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProjectionNames.ORDER_READ_MODEL)
@WritesAtCommit
class OrderReadModelProjection implements KeepsCaches {

    private final DSLContext sql;

    private final SellerOrderCounts counts;

    private final BatchedRows<OrderSummaryRecord> rows;

    OrderReadModelProjection(DSLContext sql, SellerOrderCounts counts) {
        this.sql = sql;
        this.counts = counts;
        // a seller's cached dashboard counts are dropped once the batch that changed their orders commits
        this.rows = new BatchedRows<>(sql, ORDER_SUMMARY, ORDER_SUMMARY.ORDER_ID, ORDER_SUMMARY.VERSION,
                written -> written.forEach(row -> counts.invalidateAfterCommit(row.getSellerId())));
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.create(event.orderId().value(), version, () -> {
            var row = sql.newRecord(ORDER_SUMMARY);
            row.setOrderId(event.orderId().value());
            row.setListingId(event.listingId().value());
            row.setBuyerId(event.buyerId().value());
            row.setSellerId(event.sellerId().value());
            row.setStatus(OrderStatus.PAYMENT_PENDING.name());
            row.setQuantity(event.quantity());
            row.setUnitPriceMinor(event.unitPrice().amountMinor());
            row.setShippingMinor(event.shipping().amountMinor());
            row.setTotalMinor(event.total().amountMinor());
            row.setCurrency(event.total().currency());
            row.setCommissionBasisPoints(event.commissionBasisPoints());
            // the upsert writes every column: the table's defaults do not apply
            row.setCapturedMinor(0L);
            row.setRefundedMinor(0L);
            row.setReleasedMinor(0L);
            row.setPaidOutMinor(0L);
            row.setHeldAfterCompletionMinor(0L);
            row.setDisputed(false);
            row.setPlacedAt(utc(at));
            row.setUpdatedAt(utc(at));
            return row;
        });
    }

    @EventHandler
    void on(PaymentAuthorized event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setStatus(OrderStatus.AWAITING_ACCEPTANCE.name());
            row.setAcceptBy(utc(event.acceptBy()));
        });
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, "payment failed: " + event.reason());
    }

    @EventHandler
    void on(OrderAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setStatus(OrderStatus.CAPTURE_PENDING.name()));
    }

    @EventHandler
    void on(OrderDeclined event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, switch (event.cause()) {
            case SELLER_DECLINED -> "declined: " + event.reason();
            case REFUNDED_BEFORE_CAPTURE -> "refunded before capture: " + event.reason();
        });
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, "cancelled by the buyer");
    }

    @EventHandler
    void on(OrderExpired event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, "expired: the seller did not accept in time");
    }

    @EventHandler
    void on(CaptureFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, "capture failed: " + event.reason());
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setStatus(OrderStatus.IN_ESCROW.name());
            row.setCapturedMinor(event.amount().amountMinor());
        });
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setStatus(OrderStatus.SHIPPED.name());
            row.setCompleteBy(utc(event.completeBy()));
        });
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setStatus(OrderStatus.DELIVERED.name());
            row.setCompleteBy(utc(event.completeBy()));
        });
    }

    @EventHandler
    void on(OrderCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setStatus(OrderStatus.COMPLETED.name()));
    }

    @EventHandler
    void on(EscrowReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        long amount = event.sellerAmount().amountMinor();
        change(event.orderId(), version, at, row -> row.setReleasedMinor(row.getReleasedMinor() + amount));
    }

    @EventHandler
    void on(PayoutSent event, @SequenceNumber long version, @Timestamp Instant at) {
        long amount = event.amount().amountMinor();
        change(event.orderId(), version, at, row -> row.setPaidOutMinor(row.getPaidOutMinor() + amount));
    }

    @EventHandler
    void on(PayoutFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setNote("payout failed: " + event.reason()));
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber long version, @Timestamp Instant at) {
        long amount = event.amount().amountMinor();
        change(event.orderId(), version, at, row -> row.setRefundedMinor(row.getRefundedMinor() + amount));
    }

    /** A completed order holds money again: on the admins' list until refunded. */
    @EventHandler
    void on(FundsHeldAfterCompletion event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setHeldAfterCompletionMinor(event.held().amountMinor());
            row.setNote(event.reason());
        });
    }

    /** A refund comes from what is held first: it lowers what a completed order holds again, if anything. */
    @EventHandler
    void on(RefundRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setHeldAfterCompletionMinor(
                Math.max(0L, row.getHeldAfterCompletionMinor() - event.fromEscrowMinor())));
    }

    @EventHandler
    void on(RefundReturned event, @SequenceNumber long version, @Timestamp Instant at) {
        long amount = event.amount().amountMinor();
        change(event.orderId(), version, at, row -> row.setRefundedMinor(row.getRefundedMinor() - amount));
    }

    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setDisputed(true));
    }

    @EventHandler
    void on(DisputeResolved event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setDisputed(false);
            row.setNote("dispute resolved: " + event.note());
        });
    }

    @EventHandler
    void on(ProviderDisputeOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setDisputed(true));
    }

    @EventHandler
    void on(ProviderDisputeUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> row.setNote("payment provider dispute " + event.status()));
    }

    @EventHandler
    void on(ProviderDisputeClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.orderId(), version, at, row -> {
            row.setDisputed(false);
            row.setNote("payment provider dispute " + event.status());
        });
    }

    @ResetHandler
    void reset() {
        sql.truncate(ORDER_SUMMARY).execute();
        counts.invalidateAll();
    }

    @Override
    public void dropCaches() {
        counts.invalidateAll();
    }

    private void ended(OrderId orderId, long version, Instant at, String note) {
        change(orderId, version, at, row -> {
            row.setStatus(OrderStatus.CANCELLED.name());
            row.setNote(note);
        });
    }

    /** A change to the order's row as of the event (its time becomes the row's last update). */
    private void change(OrderId orderId, long version, Instant at, Consumer<OrderSummaryRecord> change) {
        rows.change(orderId.value(), version, row -> {
            change.accept(row);
            row.setUpdatedAt(utc(at));
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
