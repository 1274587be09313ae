package dev.bazaar.command.payment;

import dev.bazaar.command.common.SystemActor;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.CaptureFailed;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderCancelled;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderExpired;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentFailed;
import dev.bazaar.kernel.order.PayoutFailed;
import dev.bazaar.kernel.order.PayoutRequested;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.RetryPayout;
import dev.bazaar.kernel.payout.PayoutAccountVerified;
import dev.bazaar.kernel.order.RecordAuthorizationRelease;
import dev.bazaar.kernel.order.RecordCapture;
import dev.bazaar.kernel.order.RecordCaptureFailure;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RecordPaymentFailure;
import dev.bazaar.kernel.order.RecordPayout;
import dev.bazaar.kernel.order.RecordPayoutFailure;
import dev.bazaar.kernel.order.RecordRefund;
import dev.bazaar.kernel.order.RecordRefundFailure;
import dev.bazaar.kernel.order.RecordSellerDebtRecovery;
import dev.bazaar.kernel.order.RecordSellerDebtRecoveryFailure;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.ReleaseStock;
import dev.bazaar.kernel.order.SellerDebtRecoveryRequested;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The order process manager: turns an order's events into calls to the payment provider and records the answers
 * on the order. Each call's idempotency key comes from the order (or refund) and the step, and the answer is
 * recorded with a command sent and awaited inside this event's transaction: if the process dies between the call
 * and the record, the event is delivered again, the call is repeated with the same key, the provider answers what
 * it did the first time, and nothing is charged twice or lost. What it remembers between events sits in
 * {@code order_payment_process}, written in the same transaction as its token.
 */
@Component
@ProcessingGroup(OrderPaymentProcess.NAME)
@DisallowReplay
class OrderPaymentProcess {

    static final String NAME = "order-payments";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderPaymentProcess.class);

    private final PaymentProvider provider;

    private final CommandGateway commands;

    private final JdbcTemplate jdbc;

    private final PayoutAccounts payoutAccounts;

    /**
     * Its own gateway, without the retry of lost append races that the web's has: that retry runs on another thread,
     * and the aggregate's lock stays with this event's unit of work until it ends, so the retry waited a minute for
     * the lock and failed (seen while trying out a change to the aggregate cache). Here a lost race fails the batch,
     * which the processor retries whole, its provider calls with the same idempotency keys.
     */
    OrderPaymentProcess(PaymentProvider provider, CommandBus commandBus, JdbcTemplate jdbc,
            PayoutAccounts payoutAccounts) {
        this.provider = provider;
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.jdbc = jdbc;
        this.payoutAccounts = payoutAccounts;
    }

    /**
     * Authorises the payment and records it; the row it writes remembers the order, its payment intent and when the
     * seller must accept by (the order answers that; ADR 0015), all in one insert.
     */
    @EventHandler
    void on(OrderPlaced event) {
        var answer = provider.authorize(event.orderId(), event.total(), event.paymentMethod(),
                key(event.orderId(), "authorize"));
        String paymentIntentId = null;
        Instant acceptBy = null;
        if (answer instanceof PaymentProvider.Result.Done done) {
            paymentIntentId = done.id();
            acceptBy = send(new RecordPaymentAuthorization(event.orderId(), done.id(), event.total()));
        }
        else {
            send(new RecordPaymentFailure(event.orderId(), ((PaymentProvider.Result.Refused) answer).reason()));
        }
        jdbc.update("""
                INSERT INTO order_payment_process (order_id, listing_id, quantity, seller_id, total_minor, currency,
                    payment_intent_id, accept_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING
                """, event.orderId().value(), event.listingId().value(), event.quantity(), event.sellerId().value(),
                event.total().amountMinor(), event.total().currency(), paymentIntentId,
                acceptBy == null ? null : Timestamp.from(acceptBy));
    }

    /**
     * Only an authorisation that scheduled its own expiry was recorded before the sweep: its order's row was written
     * without the payment intent (a rolling upgrade may bring one here). Since the sweep the row has it from the
     * start, and nothing is written here.
     */
    @EventHandler
    void on(PaymentAuthorized event) {
        if (event.acceptanceDeadline() != null) {
            jdbc.update("UPDATE order_payment_process SET payment_intent_id = ? WHERE order_id = ?",
                    event.paymentIntentId(), event.orderId().value());
        }
    }

    /** Captures what was authorised; the order no longer awaits acceptance, so it leaves the sweep's list. */
    @EventHandler
    void on(OrderAccepted event) {
        Remembered order = leavingTheSweep(event.orderId());
        Money amount = order.total();
        var answer = provider.capture(order.paymentIntentId(), amount, key(event.orderId(), "capture"));
        if (answer instanceof PaymentProvider.Result.Done done) {
            send(new RecordCapture(event.orderId(), done.id(), amount, done.fee()));
        }
        else {
            send(new RecordCaptureFailure(event.orderId(), ((PaymentProvider.Result.Refused) answer).reason()));
        }
    }

    @EventHandler
    void on(PaymentFailed event) {
        releaseStock(event.orderId());
    }

    @EventHandler
    void on(OrderDeclined event) {
        endBeforeCapture(event.orderId());
    }

    @EventHandler
    void on(OrderCancelled event) {
        endBeforeCapture(event.orderId());
    }

    @EventHandler
    void on(OrderExpired event) {
        endBeforeCapture(event.orderId());
    }

    @EventHandler
    void on(CaptureFailed event) {
        endBeforeCapture(event.orderId());
    }

    /** The seller's share goes to their connected account; without a verified one it stays owed (available). */
    @EventHandler
    void on(EscrowReleased event) {
        if (event.sellerAmount().isPositive()) {
            payOut(event.orderId(), event.sellerId(), event.sellerAmount(), key(event.orderId(), "payout"));
        }
    }

    /** A new attempt gets a key of its own: the provider keeps the refusal of the last one under its key. */
    @EventHandler
    void on(PayoutRequested event) {
        payOut(event.orderId(), event.sellerId(), event.amount(), key(event.orderId(), "payout-" + event.attempt()));
    }

    @EventHandler
    void on(PayoutFailed event) {
        jdbc.update("UPDATE order_payment_process SET payout_failed = TRUE WHERE order_id = ?",
                event.orderId().value());
    }

    /** Once the seller can be paid, every payout of theirs that failed is tried again. */
    @EventHandler
    void on(PayoutAccountVerified event) {
        jdbc.queryForList("SELECT order_id FROM order_payment_process WHERE seller_id = ? AND payout_failed",
                UUID.class, event.sellerId().value())
                .forEach(order -> send(new RetryPayout(new OrderId(order))));
    }

    private void payOut(OrderId orderId, UserId sellerId, Money amount, String idempotencyKey) {
        var account = payoutAccounts.find(sellerId).filter(PayoutAccounts.Entry::payoutsEnabled);
        if (account.isEmpty()) {
            send(new RecordPayoutFailure(orderId, "the seller has no verified payout account yet"));
            return;
        }
        var answer = provider.transfer(account.get().providerId(), amount, orderId, idempotencyKey);
        if (answer instanceof PaymentProvider.Result.Done done) {
            send(new RecordPayout(orderId, done.id(), amount));
        }
        else {
            send(new RecordPayoutFailure(orderId, ((PaymentProvider.Result.Refused) answer).reason()));
        }
    }

    @EventHandler
    void on(PayoutSent event) {
        jdbc.update("UPDATE order_payment_process SET transfer_id = ?, payout_failed = FALSE WHERE order_id = ?",
                event.transferId(), event.orderId().value());
    }

    /**
     * Refunds the buyer; where the seller was already paid, takes the seller's part back from the transfer. A
     * refused reversal does not hold the refund up (the buyer has their money): it is recorded as not reversed, the
     * ledger shows what the seller owes, and the invariant check lists it for someone to recover.
     */
    @EventHandler
    void on(RefundRequested event) {
        Remembered order = remembered(event.orderId());
        String refundKey = "refund-" + event.refundId();
        var answer = provider.refund(order.paymentIntentId(), event.amount(), refundKey);
        if (answer instanceof PaymentProvider.Result.Refused refused) {
            send(new RecordRefundFailure(event.orderId(), event.refundId(), refused.reason()));
            return;
        }
        boolean reversed = false;
        if (event.fromSeller().isPositive() && order.transferId() != null) {
            var reversal = provider.reverseTransfer(order.transferId(), event.fromSeller(), refundKey + "-reversal");
            reversed = reversal instanceof PaymentProvider.Result.Done;
            if (!reversed) {
                log.warn("Refund {} of order {}: the seller's {} could not be taken back from transfer {} ({}); "
                        + "the seller owes it", event.refundId(), event.orderId(), event.fromSeller(),
                        order.transferId(), ((PaymentProvider.Result.Refused) reversal).reason());
            }
        }
        send(new RecordRefund(event.orderId(), event.refundId(), ((PaymentProvider.Result.Done) answer).id(),
                reversed));
    }

    /** An admin asked again for what the seller owes: a new reversal of their transfer, under a key of its own. */
    @EventHandler
    void on(SellerDebtRecoveryRequested event) {
        Remembered order = remembered(event.orderId());
        var answer = provider.reverseTransfer(order.transferId(), event.amount(),
                key(event.orderId(), "debt-recovery-" + event.attempt()));
        if (answer instanceof PaymentProvider.Result.Done done) {
            send(new RecordSellerDebtRecovery(event.orderId(), event.attempt(), done.id()));
        }
        else {
            send(new RecordSellerDebtRecoveryFailure(event.orderId(), event.attempt(),
                    ((PaymentProvider.Result.Refused) answer).reason()));
        }
    }

    private void endBeforeCapture(OrderId orderId) {
        Remembered order = leavingTheSweep(orderId);
        if (order.paymentIntentId() != null) {
            var answer = provider.releaseAuthorization(order.paymentIntentId(), key(orderId, "release"));
            if (answer instanceof PaymentProvider.Result.Done) {
                send(new RecordAuthorizationRelease(orderId, order.paymentIntentId()));
            }
        }
        releaseStock(orderId);
    }

    private void releaseStock(OrderId orderId) {
        Remembered order = remembered(orderId);
        send(new ReleaseStock(new ListingId(order.listingId()), orderId, order.quantity()));
    }

    private Remembered remembered(OrderId orderId) {
        return jdbc.queryForObject("SELECT " + REMEMBERED + " FROM order_payment_process WHERE order_id = ?",
                OrderPaymentProcess::remembered, orderId.value());
    }

    /** The order no longer awaits acceptance: what is remembered of it, read as it leaves the sweep's list. */
    private Remembered leavingTheSweep(OrderId orderId) {
        return jdbc.queryForObject("UPDATE order_payment_process SET accept_by = NULL WHERE order_id = ? RETURNING "
                + REMEMBERED, OrderPaymentProcess::remembered, orderId.value());
    }

    private static final String REMEMBERED =
            "listing_id, quantity, seller_id, total_minor, currency, payment_intent_id, transfer_id";

    private static Remembered remembered(ResultSet rs, int row) throws SQLException {
        return new Remembered(rs.getObject(1, UUID.class), rs.getInt(2), new UserId(rs.getObject(3, UUID.class)),
                Money.of(rs.getLong(4), rs.getString(5)), rs.getString(6), rs.getString(7));
    }

    /** Sends the command as the order process and waits for it; answers what its handler answered, if anything. */
    private <R> R send(Object command) {
        return commands.sendAndWait(SystemActor.orderProcessCommand(command));
    }

    private static String key(OrderId orderId, String step) {
        return "order-" + orderId + "-" + step;
    }

    private record Remembered(UUID listingId, int quantity, UserId sellerId, Money total, String paymentIntentId,
            String transferId) {

    }

}
