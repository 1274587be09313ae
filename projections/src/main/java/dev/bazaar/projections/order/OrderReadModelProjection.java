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
import dev.bazaar.projections.schema.ProjectionNames;
import dev.bazaar.projections.support.KeepsCaches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static dev.bazaar.projections.schema.Tables.ORDER_SUMMARY;

/**
 * One row per order: status, money so far, deadlines. Each update names the order's version it comes from and
 * applies only if the row is older, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProjectionNames.ORDER_READ_MODEL)
class OrderReadModelProjection implements KeepsCaches {

    private final DSLContext sql;

    private final SellerOrderCounts counts;

    OrderReadModelProjection(DSLContext sql, SellerOrderCounts counts) {
        this.sql = sql;
        this.counts = counts;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.insertInto(ORDER_SUMMARY)
                .set(ORDER_SUMMARY.ORDER_ID, event.orderId().value())
                .set(ORDER_SUMMARY.LISTING_ID, event.listingId().value())
                .set(ORDER_SUMMARY.BUYER_ID, event.buyerId().value())
                .set(ORDER_SUMMARY.SELLER_ID, event.sellerId().value())
                .set(ORDER_SUMMARY.STATUS, OrderStatus.PAYMENT_PENDING.name())
                .set(ORDER_SUMMARY.QUANTITY, event.quantity())
                .set(ORDER_SUMMARY.UNIT_PRICE_MINOR, event.unitPrice().amountMinor())
                .set(ORDER_SUMMARY.SHIPPING_MINOR, event.shipping().amountMinor())
                .set(ORDER_SUMMARY.TOTAL_MINOR, event.total().amountMinor())
                .set(ORDER_SUMMARY.CURRENCY, event.total().currency())
                .set(ORDER_SUMMARY.COMMISSION_BASIS_POINTS, event.commissionBasisPoints())
                .set(ORDER_SUMMARY.PLACED_AT, utc(at))
                .set(ORDER_SUMMARY.UPDATED_AT, utc(at))
                .set(ORDER_SUMMARY.VERSION, version)
                .onConflictDoNothing()
                .execute();
        counts.invalidateAfterCommit(event.sellerId().value());
    }

    @EventHandler
    void on(PaymentAuthorized event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.AWAITING_ACCEPTANCE.name(),
                ORDER_SUMMARY.ACCEPT_BY, utc(event.acceptBy())));
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        ended(event.orderId(), version, at, "payment failed: " + event.reason());
    }

    @EventHandler
    void on(OrderAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.CAPTURE_PENDING.name()));
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
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.IN_ESCROW.name(),
                ORDER_SUMMARY.CAPTURED_MINOR, event.amount().amountMinor()));
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.SHIPPED.name(),
                ORDER_SUMMARY.COMPLETE_BY, utc(event.completeBy())));
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.DELIVERED.name(),
                ORDER_SUMMARY.COMPLETE_BY, utc(event.completeBy())));
    }

    @EventHandler
    void on(OrderCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.COMPLETED.name()));
    }

    @EventHandler
    void on(EscrowReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        add(event.orderId(), version, at, ORDER_SUMMARY.RELEASED_MINOR, event.sellerAmount().amountMinor());
    }

    @EventHandler
    void on(PayoutSent event, @SequenceNumber long version, @Timestamp Instant at) {
        add(event.orderId(), version, at, ORDER_SUMMARY.PAID_OUT_MINOR, event.amount().amountMinor());
    }

    @EventHandler
    void on(PayoutFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.NOTE, "payout failed: " + event.reason()));
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber long version, @Timestamp Instant at) {
        add(event.orderId(), version, at, ORDER_SUMMARY.REFUNDED_MINOR, event.amount().amountMinor());
    }

    /** A completed order holds money again: on the admins' list until refunded. */
    @EventHandler
    void on(FundsHeldAfterCompletion event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.HELD_AFTER_COMPLETION_MINOR,
                event.held().amountMinor(), ORDER_SUMMARY.NOTE, event.reason()));
    }

    /** A refund comes from what is held first: it lowers what a completed order holds again, if anything. */
    @EventHandler
    void on(RefundRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.update(ORDER_SUMMARY)
                .set(ORDER_SUMMARY.HELD_AFTER_COMPLETION_MINOR, DSL.greatest(DSL.inline(0L),
                        ORDER_SUMMARY.HELD_AFTER_COMPLETION_MINOR.minus(event.fromEscrowMinor())))
                .set(ORDER_SUMMARY.UPDATED_AT, utc(at))
                .set(ORDER_SUMMARY.VERSION, version)
                .where(ORDER_SUMMARY.ORDER_ID.eq(event.orderId().value()))
                .and(ORDER_SUMMARY.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(RefundReturned event, @SequenceNumber long version, @Timestamp Instant at) {
        add(event.orderId(), version, at, ORDER_SUMMARY.REFUNDED_MINOR, -event.amount().amountMinor());
    }

    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.DISPUTED, true));
    }

    @EventHandler
    void on(DisputeResolved event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.DISPUTED, false,
                ORDER_SUMMARY.NOTE, "dispute resolved: " + event.note()));
    }

    @EventHandler
    void on(ProviderDisputeOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.DISPUTED, true));
    }

    @EventHandler
    void on(ProviderDisputeUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.NOTE, "payment provider dispute " + event.status()));
    }

    @EventHandler
    void on(ProviderDisputeClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, Map.of(ORDER_SUMMARY.DISPUTED, false,
                ORDER_SUMMARY.NOTE, "payment provider dispute " + event.status()));
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
        update(orderId, version, at, Map.of(ORDER_SUMMARY.STATUS, OrderStatus.CANCELLED.name(),
                ORDER_SUMMARY.NOTE, note));
    }

    private void add(OrderId orderId, long version, Instant at, Field<Long> amount, long delta) {
        sql.update(ORDER_SUMMARY)
                .set(amount, amount.plus(delta))
                .set(ORDER_SUMMARY.UPDATED_AT, utc(at))
                .set(ORDER_SUMMARY.VERSION, version)
                .where(ORDER_SUMMARY.ORDER_ID.eq(orderId.value()))
                .and(ORDER_SUMMARY.VERSION.lt(version))
                .execute();
    }

    /** Changes the row, and the seller's cached dashboard counts after the commit (status or dispute moved). */
    private void update(OrderId orderId, long version, Instant at, Map<Field<?>, Object> values) {
        Map<Field<?>, Object> row = new HashMap<>(values);
        row.put(ORDER_SUMMARY.UPDATED_AT, utc(at));
        row.put(ORDER_SUMMARY.VERSION, version);
        sql.update(ORDER_SUMMARY)
                .set(row)
                .where(ORDER_SUMMARY.ORDER_ID.eq(orderId.value()))
                .and(ORDER_SUMMARY.VERSION.lt(version))
                .returning(ORDER_SUMMARY.SELLER_ID)
                .fetchOptional()
                .ifPresent(changed -> counts.invalidateAfterCommit(changed.getSellerId()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
