package dev.bazaar.command.order;

import dev.bazaar.command.common.SystemActor;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.AuthorizationReleased;
import dev.bazaar.kernel.order.CancelOrder;
import dev.bazaar.kernel.order.CaptureFailed;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.DisputeOpened;
import dev.bazaar.kernel.order.DisputeResolved;
import dev.bazaar.kernel.order.ExpireOrder;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkFulfilled;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderCancelled;
import dev.bazaar.kernel.order.OrderCompleted;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.OrderDelivered;
import dev.bazaar.kernel.order.OrderExpired;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.OrderShipped;
import dev.bazaar.kernel.order.OrderStatus;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PaymentFailed;
import dev.bazaar.kernel.order.RecordAuthorizationRelease;
import dev.bazaar.kernel.order.RecordCapture;
import dev.bazaar.kernel.order.RecordCaptureFailure;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RecordPaymentFailure;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordRefundFailure;
import dev.bazaar.kernel.order.RecordRefundReturned;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.ResolveDispute;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static dev.bazaar.kernel.order.OrderStatus.AWAITING_ACCEPTANCE;
import static dev.bazaar.kernel.order.OrderStatus.CANCELLED;
import static dev.bazaar.kernel.order.OrderStatus.CAPTURE_PENDING;
import static dev.bazaar.kernel.order.OrderStatus.COMPLETED;
import static dev.bazaar.kernel.order.OrderStatus.DELIVERED;
import static dev.bazaar.kernel.order.OrderStatus.IN_ESCROW;
import static dev.bazaar.kernel.order.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.kernel.order.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One order as the transaction process sees it (docs/transactions.md). The root owns the order's status and decides
 * every step that depends on it, the parties' and the provider's alike; its parts decide from their own state and
 * hold no pointer back: the money ({@link OrderPayment}: escrow, refunds, payout), the provider's disputes
 * ({@link ProviderDisputes}) and what the seller owes ({@link SellerDebt}). Longer than our usual 300 lines because
 * the status is one state machine with twenty steps, each a few lines; split, the steps would need the status
 * passed around or copied.
 */
@Aggregate(cache = "aggregateCache")
public class Order {

    static final String COMPLETION_DEADLINE = "order-completion";

    @AggregateIdentifier
    private OrderId orderId;

    private UserId buyerId;

    private UserId sellerId;

    private OrderStatus status;

    /** When the seller must accept by, once the payment is authorised. */
    private Instant acceptBy;

    /** A dispute the buyer opened, until an admin resolves it. */
    private boolean disputeOpen;

    /** When a shipped or delivered order completes by itself, and the deadline that will complete it. */
    private Completion completion;

    @AggregateMember
    private OrderPayment payment;

    @AggregateMember
    private ProviderDisputes providerDisputes;

    @AggregateMember
    private SellerDebt sellerDebt;

    Order() {
        // for Axon: rebuilt from events
    }

    private Order(OrderPlaced placed) {
        apply(placed);
    }

    /** Opened by the listing that reserved the stock, in the same unit of work (see Listing's PlaceOrder). */
    public static Order place(OrderId orderId, ListingId listingId, UserId buyerId, UserId sellerId, int quantity,
            Money unitPrice, Money shipping, Money total, int commissionBasisPoints, String paymentMethod) {
        return new Order(new OrderPlaced(orderId, listingId, buyerId, sellerId, quantity, unitPrice, shipping, total,
                commissionBasisPoints, paymentMethod));
    }

    @CommandHandler
    void handle(AcceptOrder command, Actor actor) {
        parties().requireSeller(actor, "accept");
        requireStatus(AWAITING_ACCEPTANCE, "accept");
        apply(new OrderAccepted(orderId));
    }

    @CommandHandler
    void handle(DeclineOrder command, Actor actor) {
        parties().requireSeller(actor, "decline");
        requireStatus(AWAITING_ACCEPTANCE, "decline");
        apply(new OrderDeclined(orderId, DeclineCause.SELLER_DECLINED, command.reason()));
    }

    @CommandHandler
    void handle(CancelOrder command, Actor actor) {
        parties().requireBuyer(actor, "cancel");
        requireStatus(AWAITING_ACCEPTANCE, "cancel");
        apply(new OrderCancelled(orderId));
    }

    /**
     * The platform's acceptance sweep found the order past its acceptBy (ADR 0015, ADR 0017). The order only checks
     * that it still awaits acceptance, so a repeated sweep, or one racing the seller's acceptance, changes nothing.
     */
    @CommandHandler
    void handle(ExpireOrder command, Actor actor) {
        parties().requireSystem(actor);
        if (status == AWAITING_ACCEPTANCE) {
            apply(new OrderExpired(orderId));
        }
    }

    @CommandHandler
    void handle(MarkShipped command, Actor actor, OrderTimings timings, DeadlineManager deadlines) {
        parties().requireSeller(actor, "ship");
        requireStatus(IN_ESCROW, "mark as shipped");
        var due = Completion.reschedule(completion, timings, deadlines);
        apply(new OrderShipped(orderId, command.carrier(), command.trackingNumber(), due.due(), due.deadline()));
    }

    @CommandHandler
    void handle(MarkDelivered command, Actor actor, OrderTimings timings, DeadlineManager deadlines) {
        parties().requireSeller(actor, "deliver");
        if (status != IN_ESCROW && status != SHIPPED) {
            throw new IllegalOrderTransition(orderId, "mark as delivered", status);
        }
        var due = Completion.reschedule(completion, timings, deadlines);
        apply(new OrderDelivered(orderId, false, due.due(), due.deadline()));
    }

    @CommandHandler
    void handle(MarkFulfilled command, Actor actor, OrderTimings timings, DeadlineManager deadlines) {
        parties().requireSeller(actor, "fulfil");
        requireStatus(IN_ESCROW, "mark as fulfilled");
        var due = Completion.reschedule(completion, timings, deadlines);
        apply(new OrderDelivered(orderId, true, due.due(), due.deadline()));
    }

    /** The buyer may confirm as soon as the money is in escrow: they may have the goods before the seller says so. */
    @CommandHandler
    void handle(ConfirmReceipt command, Actor actor, DeadlineManager deadlines) {
        parties().requireBuyer(actor, "confirm");
        if (status != IN_ESCROW && status != SHIPPED && status != DELIVERED) {
            throw new IllegalOrderTransition(orderId, "confirm receipt of", status);
        }
        if (frozen()) {
            throw new OrderFrozen(orderId);
        }
        payment.requireNoRefundUnderWay();
        complete(false, deadlines);
    }

    /**
     * A refund still under way does not hold completion up: it already left escrow; should the provider refuse it,
     * its amount returns to escrow and stays held there for an admin to refund again.
     */
    @DeadlineHandler(deadlineName = COMPLETION_DEADLINE)
    void completionDeadlinePassed(String due) {
        if ((status != SHIPPED && status != DELIVERED) || frozen() || !completion.isDue(due)) {
            return; // completed, disputed (its resolution decides), or superseded by a later delivery
        }
        complete(true, null);
    }

    /**
     * Answers when the seller must accept by, while the order awaits acceptance (also when the authorisation was
     * already recorded, e.g. by the provider's webhook), else null: the payment process keeps it for its sweep.
     */
    @CommandHandler
    Instant handle(RecordPaymentAuthorization command, Actor actor, OrderTimings timings) {
        parties().requireSystem(actor);
        if (status == PAYMENT_PENDING) {
            apply(new PaymentAuthorized(orderId, command.paymentIntentId(), command.amount(),
                    GenericEventMessage.clock.instant().plus(timings.acceptanceWindow()), null));
        }
        return status == AWAITING_ACCEPTANCE ? acceptBy : null;
    }

    @CommandHandler
    void handle(RecordPaymentFailure command, Actor actor) {
        parties().requireSystem(actor);
        if (status == PAYMENT_PENDING) {
            apply(new PaymentFailed(orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordCapture command, Actor actor) {
        parties().requireSystem(actor);
        if (status == CAPTURE_PENDING) {
            apply(new PaymentCaptured(orderId, command.paymentIntentId(), command.amount(), command.providerFee()));
        }
    }

    @CommandHandler
    void handle(RecordCaptureFailure command, Actor actor) {
        parties().requireSystem(actor);
        if (status == CAPTURE_PENDING) {
            apply(new CaptureFailed(orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordAuthorizationRelease command, Actor actor) {
        parties().requireSystem(actor);
        if (status == CANCELLED && !payment.authorizationReleased()) {
            apply(new AuthorizationReleased(orderId, command.paymentIntentId()));
        }
    }

    /** Before capture a refund is the whole amount and releases the authorisation; afterwards any part of it. */
    @CommandHandler
    void handle(RefundOrder command, Actor actor, CommissionPolicy commissions) {
        parties().requireSeller(actor, "refund");
        if (payment.refundDecided(command.refundId())) {
            return;
        }
        payment.requirePositiveInItsCurrency(command.amount());
        if (status == AWAITING_ACCEPTANCE) {
            payment.requireWhole(command.amount());
            apply(new OrderDeclined(orderId, DeclineCause.REFUNDED_BEFORE_CAPTURE, command.reason()));
            return;
        }
        apply(payment.refund(command.refundId(), command.amount().amountMinor(), command.reason(), commissions));
    }

    /** Once per issued refund; a refund the provider never reported as issued here changes nothing. */
    @CommandHandler
    void handle(RecordRefundReturned command, Actor actor) {
        parties().requireSystem(actor);
        payment.returned(command.providerRefundId(), command.reason()).ifPresent(returned -> {
            apply(returned);
            reportFundsHeldAfterCompletion("refund " + returned.refundId() + " came back: " + command.reason());
        });
    }

    @CommandHandler
    void handle(RecordRefundFailure command, Actor actor) {
        parties().requireSystem(actor);
        payment.failed(command.refundId(), command.reason()).ifPresent(failed -> {
            apply(failed);
            reportFundsHeldAfterCompletion("refund " + command.refundId() + " failed: " + command.reason());
        });
    }

    /** Once the escrow was released, money held again waits for an admin; the event puts it on their list. */
    private void reportFundsHeldAfterCompletion(String reason) {
        if (status == COMPLETED) {
            payment.heldAfterCompletion(reason).ifPresent(held -> apply(held));
        }
    }

    @CommandHandler
    void handle(OpenDispute command, Actor actor) {
        parties().requireBuyer(actor, "dispute");
        if (disputeOpen || !payment.captured() || !status.isOpen()) {
            throw new IllegalOrderTransition(orderId, "dispute", status);
        }
        apply(new DisputeOpened(orderId, command.reason()));
    }

    /** The admin's decision ends the order: the buyer gets refundToBuyer, the seller what escrow holds after it. */
    @CommandHandler
    void handle(ResolveDispute command, Actor actor, CommissionPolicy commissions, DeadlineManager deadlines) {
        parties().requireAdmin(actor, "resolve a dispute on");
        if (!disputeOpen) {
            throw new IllegalOrderTransition(orderId, "resolve a dispute on", status);
        }
        long refund = command.refundToBuyer().amountMinor();
        payment.requireZeroOrMoreInItsCurrency(command.refundToBuyer());
        payment.requireRefundable(refund);
        apply(new DisputeResolved(orderId, command.refundToBuyer(), command.note()));
        if (refund > 0) {
            apply(payment.refund(RefundId.random(), refund, "dispute resolved: " + command.note(), commissions));
        }
        if (!frozen()) {
            complete(false, deadlines);
        }
    }

    /**
     * A lost dispute takes its amount from escrow first; whatever escrow no longer holds is the platform's loss. A
     * shipped or delivered order whose completion time passed while it was frozen completes a minute later; one
     * whose time is still to come keeps its deadline.
     */
    @CommandHandler
    void handle(RecordProviderDisputeClosed command, Actor actor, DeadlineManager deadlines) {
        parties().requireSystem(actor);
        List<Object> closing = providerDisputes.close(command, payment.heldMinor());
        if (closing.isEmpty()) {
            return;
        }
        closing.forEach(event -> apply(event));
        if ((status == SHIPPED || status == DELIVERED) && !frozen()) {
            completion.resumeIfOverdue(deadlines);
        }
    }

    /**
     * Completes the order and releases what escrow still holds to the seller, less the commission. Done
     * automatically (by the deadline), the platform is the actor; otherwise the sender of the command is, and the
     * automatic completion is removed.
     */
    private void complete(boolean automatically, DeadlineManager deadlines) {
        MetaData actor = automatically ? SystemActor.orderProcess() : MetaData.emptyInstance();
        apply(new OrderCompleted(orderId, automatically), actor);
        payment.release().ifPresent(released -> apply(released, actor));
        if (deadlines != null && completion != null) {
            completion.cancel(deadlines);
        }
    }

    private boolean frozen() {
        return disputeOpen || providerDisputes.anyOpen();
    }

    private OrderParties parties() {
        return new OrderParties(orderId, buyerId, sellerId);
    }

    private void requireStatus(OrderStatus expected, String action) {
        if (status != expected) {
            throw new IllegalOrderTransition(orderId, action, status);
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        buyerId = event.buyerId();
        sellerId = event.sellerId();
        status = PAYMENT_PENDING;
        payment = new OrderPayment(parties(), event.total(), event.commissionBasisPoints());
        providerDisputes = new ProviderDisputes(parties(), event.total().currency());
        sellerDebt = new SellerDebt(parties(), event.total().currency());
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        status = AWAITING_ACCEPTANCE;
        acceptBy = event.acceptBy();
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderAccepted event) {
        status = CAPTURE_PENDING;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        status = IN_ESCROW;
    }

    @EventSourcingHandler
    void on(CaptureFailed event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderDeclined event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderExpired event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = SHIPPED;
        completion = new Completion(event.completeBy(), event.completionDeadline());
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = DELIVERED;
        completion = new Completion(event.completeBy(), event.completionDeadline());
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeOpen = true;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        disputeOpen = false;
    }

}
