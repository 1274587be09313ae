package dev.bazaar.command.order;

import dev.bazaar.command.common.SystemActor;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.CancelOrder;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.ExpireOrder;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkFulfilled;
import dev.bazaar.kernel.order.MarkShipped;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static dev.bazaar.kernel.order.OrderStatus.AWAITING_ACCEPTANCE;
import static dev.bazaar.kernel.order.OrderStatus.CANCELLED;
import static dev.bazaar.kernel.order.OrderStatus.CAPTURE_PENDING;
import static dev.bazaar.kernel.order.OrderStatus.COMPLETED;
import static dev.bazaar.kernel.order.OrderStatus.DELIVERED;
import static dev.bazaar.kernel.order.OrderStatus.IN_ESCROW;
import static dev.bazaar.kernel.order.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One order as the transaction process sees it (docs/transactions.md): the parties' steps and the deadlines. What
 * the payment provider reports, and the refunds and disputes, are in {@link OrderPayment}. Decides in command and
 * deadline handlers; event-sourcing handlers only remember.
 */
@Aggregate(cache = "aggregateCache")
public class Order {

    static final String COMPLETION_DEADLINE = "order-completion";

    @AggregateIdentifier
    private OrderId orderId;

    private UserId buyerId;

    private UserId sellerId;

    private OrderStatus status;

    /** When a shipped or delivered order completes by itself. */
    private Instant completeBy;

    /** The scheduled automatic completion once shipped or delivered (null before their revision 2). */
    private String completionDeadline;

    @AggregateMember
    private OrderPayment payment;

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
     * The platform's acceptance sweep found the order past its acceptBy (ADR 0015). The sweep decides when, from the
     * acceptBy this order's PaymentAuthorized named; the order only checks it still awaits acceptance, so a repeated
     * sweep, or one racing the seller's acceptance, changes nothing.
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
        var completion = completionDue(timings, deadlines);
        apply(new OrderShipped(orderId, command.carrier(), command.trackingNumber(), completion.due(),
                completion.id()));
    }

    @CommandHandler
    void handle(MarkDelivered command, Actor actor, OrderTimings timings, DeadlineManager deadlines) {
        parties().requireSeller(actor, "deliver");
        if (status != IN_ESCROW && status != SHIPPED) {
            throw new IllegalOrderTransition(orderId, "mark as delivered", status);
        }
        var completion = completionDue(timings, deadlines);
        apply(new OrderDelivered(orderId, false, completion.due(), completion.id()));
    }

    @CommandHandler
    void handle(MarkFulfilled command, Actor actor, OrderTimings timings, DeadlineManager deadlines) {
        parties().requireSeller(actor, "fulfil");
        requireStatus(IN_ESCROW, "mark as fulfilled");
        var completion = completionDue(timings, deadlines);
        apply(new OrderDelivered(orderId, true, completion.due(), completion.id()));
    }

    /** The buyer may confirm as soon as the money is in escrow: they may have the goods before the seller says so. */
    @CommandHandler
    void handle(ConfirmReceipt command, Actor actor, DeadlineManager deadlines) {
        parties().requireBuyer(actor, "confirm");
        if (status != IN_ESCROW && status != SHIPPED && status != DELIVERED) {
            throw new IllegalOrderTransition(orderId, "confirm receipt of", status);
        }
        payment.requireCompletable();
        complete(false);
        completionNoLongerDue(deadlines);
    }

    /**
     * A refund still under way does not hold completion up: it already left escrow; should the provider refuse it,
     * its amount returns to escrow and stays held there for an admin to refund again.
     */
    @DeadlineHandler(deadlineName = COMPLETION_DEADLINE)
    void completionDeadlinePassed(String due) {
        if ((status != SHIPPED && status != DELIVERED) || payment.frozen() || !due.equals(String.valueOf(completeBy))) {
            return; // completed, disputed (its resolution decides), or superseded by a later delivery
        }
        complete(true);
    }

    /**
     * Completes the order and releases what escrow still holds to the seller, less the commission. Done
     * automatically (by the deadline), the platform is the actor; otherwise the sender of the command is.
     */
    void complete(boolean automatically) {
        MetaData actor = automatically ? SystemActor.orderProcess() : MetaData.emptyInstance();
        apply(new OrderCompleted(orderId, automatically), actor);
        Money held = payment.held();
        if (held.isPositive()) {
            Money commission = CommissionPolicy.commissionOn(held, payment.commissionBasisPoints());
            apply(new EscrowReleased(orderId, sellerId, Money.of(held.amountMinor() - commission.amountMinor(),
                    held.currency()), commission), actor);
        }
    }

    /**
     * After a provider's dispute closes: a shipped or delivered order whose completion time passed while it was
     * frozen completes a minute later; one whose time is still to come keeps its deadline.
     */
    void resumeCompletionClock(DeadlineManager deadlines) {
        Instant now = GenericEventMessage.clock.instant();
        if ((status == SHIPPED || status == DELIVERED) && !payment.frozen() && completeBy.isBefore(now)) {
            deadlines.schedule(Duration.ofMinutes(1), COMPLETION_DEADLINE, completeBy.toString());
        }
    }

    /**
     * Schedules completion, replacing the one a shipment scheduled if it is known (events before revision 2 did not
     * name it). The deadline also carries its due time, so one that was not removed does nothing when superseded.
     */
    private Scheduled completionDue(OrderTimings timings, DeadlineManager deadlines) {
        completionNoLongerDue(deadlines);
        Instant due = GenericEventMessage.clock.instant().plus(timings.completionWindow());
        return new Scheduled(due, deadlines.schedule(due, COMPLETION_DEADLINE, due.toString()));
    }

    /** Removes the automatic completion once the buyer confirmed or a dispute's resolution completed the order. */
    void completionNoLongerDue(DeadlineManager deadlines) {
        if (completionDeadline != null) {
            deadlines.cancelSchedule(COMPLETION_DEADLINE, completionDeadline);
        }
    }

    /**
     * When the seller must accept by. Nothing is scheduled here: the payment process keeps the time beside the order's
     * payment, and its sweep expires the order once the time has passed (ADR 0015).
     */
    static Instant acceptanceDue(OrderTimings timings) {
        return GenericEventMessage.clock.instant().plus(timings.acceptanceWindow());
    }

    /** A deadline as scheduled: when it is due, and the id it can be removed by. */
    record Scheduled(Instant due, String id) {
    }

    OrderId id() {
        return orderId;
    }

    /** Whether the seller's share was transferred to them (then a refund takes it back from that transfer). */
    boolean paidOut() {
        return payment.paidOut();
    }

    OrderStatus status() {
        return status;
    }

    OrderParties parties() {
        return new OrderParties(orderId, buyerId, sellerId);
    }

    void requireStatus(OrderStatus expected, String action) {
        if (status != expected) {
            throw new IllegalOrderTransition(orderId, action, status);
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        buyerId = event.buyerId();
        sellerId = event.sellerId();
        status = OrderStatus.PAYMENT_PENDING;
        payment = new OrderPayment(this, event.total(), event.commissionBasisPoints());
        sellerDebt = new SellerDebt(this, event.total().currency());
    }

    @EventSourcingHandler
    void on(OrderAccepted event) {
        status = CAPTURE_PENDING;
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
        completeBy = event.completeBy();
        completionDeadline = event.completionDeadline();
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = DELIVERED;
        completeBy = event.completeBy();
        completionDeadline = event.completionDeadline();
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = COMPLETED;
    }

    /** Status changes that the payment side decides (authorised, captured, failed). */
    void moveTo(OrderStatus next) {
        status = next;
    }

}
