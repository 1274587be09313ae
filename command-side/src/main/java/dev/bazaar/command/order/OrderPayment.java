package dev.bazaar.command.order;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AuthorizationReleased;
import dev.bazaar.kernel.order.CaptureFailed;
import dev.bazaar.kernel.order.DisputeOpened;
import dev.bazaar.kernel.order.DisputeResolved;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.FundsHeldAfterCompletion;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderDeclined;
import dev.bazaar.kernel.order.OrderDeclined.DeclineCause;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PaymentFailed;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PayoutFailed;
import dev.bazaar.kernel.order.PayoutRequested;
import dev.bazaar.kernel.order.RetryPayout;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.ProviderDisputeUpdated;
import dev.bazaar.kernel.order.RecordAuthorizationRelease;
import dev.bazaar.kernel.order.RecordCapture;
import dev.bazaar.kernel.order.RecordCaptureFailure;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RecordPaymentFailure;
import dev.bazaar.kernel.order.RecordPayout;
import dev.bazaar.kernel.order.RecordPayoutFailure;
import dev.bazaar.kernel.order.RecordProviderDispute;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordProviderDisputeUpdated;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static dev.bazaar.kernel.order.OrderStatus.AWAITING_ACCEPTANCE;
import static dev.bazaar.kernel.order.OrderStatus.CANCELLED;
import static dev.bazaar.kernel.order.OrderStatus.CAPTURE_PENDING;
import static dev.bazaar.kernel.order.OrderStatus.COMPLETED;
import static dev.bazaar.kernel.order.OrderStatus.IN_ESCROW;
import static dev.bazaar.kernel.order.OrderStatus.PAYMENT_PENDING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money side of an order: what the provider reported (authorised, captured, paid out, refunded, disputed) and
 * the refunds and disputes that move money. Reports from the provider may arrive twice or late: a report that is
 * already known changes nothing.
 */
class OrderPayment {

    private final Order order;

    private final Money total;

    private final int commissionBasisPoints;

    private boolean authorizationReleased;

    /** When the seller must accept by, once the payment is authorised. */
    private Instant acceptBy;

    private Escrow escrow;

    private final Map<RefundId, RefundRequested> refundsUnderWay = new HashMap<>();

    private final Set<RefundId> refundsDecided = new HashSet<>();

    /** Issued refunds by the provider's id, until one comes back. */
    private final Map<String, RefundIssued> refundsIssued = new HashMap<>();

    private boolean disputeOpen;

    private final ProviderDisputes providerDisputes = new ProviderDisputes();

    private boolean paidOut;

    /** What the seller is to be paid once released, and how many payouts of it failed. */
    private Money payoutOwed;

    private int payoutFailures;

    OrderPayment(Order order, Money total, int commissionBasisPoints) {
        this.order = order;
        this.total = total;
        this.commissionBasisPoints = commissionBasisPoints;
        this.escrow = Escrow.none(total.currency());
    }

    /**
     * Answers when the seller must accept by, while the order awaits acceptance (also when the authorisation was
     * already recorded, e.g. by the provider's webhook), else null: the payment process keeps it for its sweep.
     */
    @CommandHandler
    Instant handle(RecordPaymentAuthorization command, Actor actor, OrderTimings timings) {
        order.parties().requireSystem(actor);
        if (order.status() == PAYMENT_PENDING) {
            apply(new PaymentAuthorized(order.id(), command.paymentIntentId(), command.amount(),
                    Order.acceptanceDue(timings), null));
        }
        return order.status() == AWAITING_ACCEPTANCE ? acceptBy : null;
    }

    @CommandHandler
    void handle(RecordPaymentFailure command, Actor actor) {
        order.parties().requireSystem(actor);
        if (order.status() == PAYMENT_PENDING) {
            apply(new PaymentFailed(order.id(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordCapture command, Actor actor) {
        order.parties().requireSystem(actor);
        if (order.status() == CAPTURE_PENDING) {
            apply(new PaymentCaptured(order.id(), command.paymentIntentId(), command.amount(),
                    command.providerFee()));
        }
    }

    @CommandHandler
    void handle(RecordCaptureFailure command, Actor actor) {
        order.parties().requireSystem(actor);
        if (order.status() == CAPTURE_PENDING) {
            apply(new CaptureFailed(order.id(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordAuthorizationRelease command, Actor actor) {
        order.parties().requireSystem(actor);
        if (!authorizationReleased && order.status() == CANCELLED) {
            apply(new AuthorizationReleased(order.id(), command.paymentIntentId()));
        }
    }

    /** Before capture a refund is the whole amount and releases the authorisation; afterwards any part of it. */
    @CommandHandler
    void handle(RefundOrder command, Actor actor, CommissionPolicy commissions) {
        order.parties().requireSeller(actor, "refund");
        if (refundsDecided.contains(command.refundId())) {
            return;
        }
        if (!command.amount().currency().equals(total.currency()) || !command.amount().isPositive()) {
            throw new RefundNotPossible(order.id(), "the amount must be positive and in " + total.currency() + ".");
        }
        if (order.status() == AWAITING_ACCEPTANCE) {
            if (command.amount().amountMinor() != total.amountMinor()) {
                throw new RefundNotPossible(order.id(), "before capture only the whole amount, " + total
                        + ", can be refunded (by releasing the authorisation).");
            }
            apply(new OrderDeclined(order.id(), DeclineCause.REFUNDED_BEFORE_CAPTURE, command.reason()));
            return;
        }
        requireRefundable(command.amount().amountMinor());
        requestRefund(command.refundId(), command.amount().amountMinor(), command.reason(), commissions);
    }

    @CommandHandler
    void handle(RecordRefund command, Actor actor) {
        order.parties().requireSystem(actor);
        RefundRequested refund = refundsUnderWay.get(command.refundId());
        if (refund != null) {
            apply(new RefundIssued(order.id(), refund.refundId(), command.providerRefundId(), refund.amount(),
                    refund.fromSeller(), refund.fromCommission(),
                    command.transferReversed() && paidOut && refund.fromSeller().isPositive()));
        }
    }

    /** Once per issued refund; a refund the provider never reported as issued here changes nothing. */
    @CommandHandler
    void handle(RecordRefundReturned command, Actor actor) {
        order.parties().requireSystem(actor);
        RefundIssued issued = refundsIssued.get(command.providerRefundId());
        if (issued != null) {
            apply(new RefundReturned(order.id(), issued.refundId(), issued.providerRefundId(), issued.amount(),
                    command.reason()));
            reportFundsHeldAfterCompletion("refund " + issued.refundId() + " came back: " + command.reason());
        }
    }

    @CommandHandler
    void handle(RecordRefundFailure command, Actor actor) {
        order.parties().requireSystem(actor);
        if (refundsUnderWay.containsKey(command.refundId())) {
            apply(new RefundFailed(order.id(), command.refundId(), command.reason()));
            reportFundsHeldAfterCompletion("refund " + command.refundId() + " failed: " + command.reason());
        }
    }

    /** Once the escrow was released, money held again waits for an admin; the event puts it on their list. */
    private void reportFundsHeldAfterCompletion(String reason) {
        if (order.status() == COMPLETED && escrow.held() > 0) {
            apply(new FundsHeldAfterCompletion(order.id(), escrow.money(escrow.held()), reason));
        }
    }

    @CommandHandler
    void handle(OpenDispute command, Actor actor) {
        order.parties().requireBuyer(actor, "dispute");
        if (disputeOpen || !isCapturedAndOpen()) {
            throw new IllegalOrderTransition(order.id(), "dispute", order.status());
        }
        apply(new DisputeOpened(order.id(), command.reason()));
    }

    /** The admin's decision ends the order: the buyer gets refundToBuyer, the seller what escrow holds after it. */
    @CommandHandler
    void handle(ResolveDispute command, Actor actor, CommissionPolicy commissions, DeadlineManager deadlines) {
        order.parties().requireAdmin(actor, "resolve a dispute on");
        if (!disputeOpen) {
            throw new IllegalOrderTransition(order.id(), "resolve a dispute on", order.status());
        }
        long refund = command.refundToBuyer().amountMinor();
        if (!command.refundToBuyer().currency().equals(total.currency()) || refund < 0) {
            throw new RefundNotPossible(order.id(), "the refund must be zero or more, in " + total.currency() + ".");
        }
        requireRefundable(refund);
        apply(new DisputeResolved(order.id(), command.refundToBuyer(), command.note()));
        if (refund > 0) {
            requestRefund(RefundId.random(), refund, "dispute resolved: " + command.note(), commissions);
        }
        if (!frozen()) {
            order.complete(false);
            order.completionNoLongerDue(deadlines);
        }
    }

    @CommandHandler
    void handle(RecordProviderDispute command, Actor actor) {
        order.parties().requireSystem(actor);
        openProviderDispute(command.disputeId(), command.amount(), command.reason());
    }

    @CommandHandler
    void handle(RecordProviderDisputeUpdated command, Actor actor) {
        order.parties().requireSystem(actor);
        String id = command.disputeId();
        if (providerDisputes.isClosed(id)) {
            return;
        }
        openProviderDispute(id, command.amount(), command.reason());
        if (!command.status().equals(providerDisputes.status(id))) {
            apply(new ProviderDisputeUpdated(order.id(), id, command.status()));
        }
    }

    /** Once per dispute, and not after its close: a lost dispute's close takes the amount from the balance itself. */
    @CommandHandler
    void handle(RecordProviderDisputeFundsWithdrawn command, Actor actor) {
        order.parties().requireSystem(actor);
        String id = command.disputeId();
        if (providerDisputes.isClosed(id) || providerDisputes.everWithdrawn(id)) {
            return;
        }
        openProviderDispute(id, command.amount(), command.reason());
        apply(new ProviderDisputeFundsWithdrawn(order.id(), id, command.amount(), command.fee()));
    }

    /** Gives back what was withdrawn for the dispute (at most once), and at most the fee that was charged. */
    @CommandHandler
    void handle(RecordProviderDisputeFundsReinstated command, Actor actor) {
        order.parties().requireSystem(actor);
        ProviderDisputes.Withdrawal withdrawal = providerDisputes.withdrawal(command.disputeId());
        if (withdrawal == null) {
            return;
        }
        long feeReturned = Math.max(0, Math.min(command.feeReturned().amountMinor(), withdrawal.fee()));
        apply(new ProviderDisputeFundsReinstated(order.id(), command.disputeId(), escrow.money(withdrawal.amount()),
                escrow.money(feeReturned)));
    }

    /** A lost dispute takes its amount from escrow first; whatever escrow no longer holds is the platform's loss. */
    @CommandHandler
    void handle(RecordProviderDisputeClosed command, Actor actor, DeadlineManager deadlines) {
        order.parties().requireSystem(actor);
        if (providerDisputes.isClosed(command.disputeId())) {
            return;
        }
        openProviderDispute(command.disputeId(), command.amount(), command.reason());
        long contested = providerDisputes.contested(command.disputeId());
        long lost = "lost".equals(command.status()) ? contested : 0;
        long fromEscrow = Math.min(lost, escrow.held());
        apply(new ProviderDisputeClosed(order.id(), command.disputeId(), command.status(), escrow.money(fromEscrow),
                escrow.money(lost - fromEscrow)));
        order.resumeCompletionClock(deadlines);
    }

    /** The provider may report a dispute first by its update, withdrawal or close: it is opened then. */
    private void openProviderDispute(String id, Money amount, String reason) {
        if (!providerDisputes.known(id)) {
            apply(new ProviderDisputeOpened(order.id(), id, amount, reason));
        }
    }

    @CommandHandler
    void handle(RecordPayout command, Actor actor) {
        order.parties().requireSystem(actor);
        if (!paidOut) {
            apply(new PayoutSent(order.id(), order.parties().sellerId(), command.transferId(), command.amount()));
        }
    }

    /**
     * Only a payout that failed is tried again. For the payment process (a seller's account became verified) one that
     * was sent, or never owed, changes nothing; an admin asking for it is told there is nothing to retry.
     */
    @CommandHandler
    void handle(RetryPayout command, Actor actor) {
        if (!actor.is(Role.SYSTEM) && !actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only an admin or the payment process retries a payout.");
        }
        if (!paidOut && payoutFailures > 0 && payoutOwed != null) {
            apply(new PayoutRequested(order.id(), order.parties().sellerId(), payoutOwed, payoutFailures + 1));
        }
        else if (actor.is(Role.ADMIN)) {
            throw new NoFailedPayout(order.id());
        }
    }

    /** An admin retried a payout of an order whose payout did not fail (sent, or not owed yet). */
    static final class NoFailedPayout extends Refusal {

        NoFailedPayout(OrderId orderId) {
            super("no-failed-payout", 409, "Order " + orderId + " has no failed payout to retry.");
        }

    }

    @CommandHandler
    void handle(RecordPayoutFailure command, Actor actor) {
        order.parties().requireSystem(actor);
        if (!paidOut) {
            apply(new PayoutFailed(order.id(), order.parties().sellerId(), command.reason()));
        }
    }

    private void requireRefundable(long amount) {
        if (escrow.captured() == 0) {
            throw new RefundNotPossible(order.id(), "nothing has been captured yet.");
        }
        if (amount > escrow.refundable()) {
            throw new RefundNotPossible(order.id(), "at most " + escrow.money(escrow.refundable())
                    + " can still be refunded.");
        }
    }

    private void requestRefund(RefundId refundId, long amount, String reason, CommissionPolicy commissions) {
        Escrow.Split split = escrow.split(amount, commissions.refundsReturnCommission());
        apply(new RefundRequested(order.id(), refundId, escrow.money(amount), escrow.money(split.fromSeller()),
                escrow.money(split.fromCommission()), reason));
    }

    private boolean isCapturedAndOpen() {
        return escrow.captured() > 0 && order.status().isOpen();
    }

    void requireCompletable() {
        if (frozen()) {
            throw new OrderFrozen(order.id());
        }
        if (refundsUnderWay()) {
            throw new RefundNotPossible(order.id(), "a refund is still under way at the payment provider.");
        }
    }

    boolean frozen() {
        return disputeOpen || providerDisputes.anyOpen();
    }

    boolean refundsUnderWay() {
        return !refundsUnderWay.isEmpty();
    }

    Money held() {
        return escrow.money(escrow.held());
    }

    int commissionBasisPoints() {
        return commissionBasisPoints;
    }

    boolean paidOut() {
        return paidOut;
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        acceptBy = event.acceptBy();
        order.moveTo(AWAITING_ACCEPTANCE);
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        order.moveTo(CANCELLED);
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        escrow = escrow.capture(event.amount());
        order.moveTo(IN_ESCROW);
    }

    @EventSourcingHandler
    void on(CaptureFailed event) {
        order.moveTo(CANCELLED);
    }

    @EventSourcingHandler
    void on(AuthorizationReleased event) {
        authorizationReleased = true;
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        escrow = escrow.take(event.fromEscrowMinor(), event.fromSeller().amountMinor(),
                event.fromCommission().amountMinor());
        refundsUnderWay.put(event.refundId(), event);
        refundsDecided.add(event.refundId());
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refundsUnderWay.remove(event.refundId());
        refundsIssued.put(event.providerRefundId(), event);
    }

    /**
     * The whole amount is held again: refundable, and, if it is not refunded again before the order completes,
     * released with the rest.
     */
    @EventSourcingHandler
    void on(RefundReturned event) {
        refundsIssued.remove(event.providerRefundId());
        escrow = escrow.giveBack(event.amount().amountMinor(), 0, 0);
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        RefundRequested refund = refundsUnderWay.remove(event.refundId());
        escrow = escrow.giveBack(refund.fromEscrowMinor(), refund.fromSeller().amountMinor(),
                refund.fromCommission().amountMinor());
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        escrow = escrow.release(event.sellerAmount(), event.commission());
        payoutOwed = event.sellerAmount();
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeOpen = true;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        disputeOpen = false;
    }

    @EventSourcingHandler
    void on(ProviderDisputeOpened event) {
        providerDisputes.opened(event.disputeId(), event.amount().amountMinor());
    }

    @EventSourcingHandler
    void on(ProviderDisputeUpdated event) {
        providerDisputes.updated(event.disputeId(), event.status());
    }

    @EventSourcingHandler
    void on(ProviderDisputeFundsWithdrawn event) {
        providerDisputes.withdrew(event.disputeId(), event.amount().amountMinor(), event.fee().amountMinor());
    }

    @EventSourcingHandler
    void on(ProviderDisputeFundsReinstated event) {
        providerDisputes.reinstated(event.disputeId());
    }

    @EventSourcingHandler
    void on(ProviderDisputeClosed event) {
        providerDisputes.closed(event.disputeId());
        escrow = escrow.take(event.fromEscrow().amountMinor(), 0, 0);
    }

    @EventSourcingHandler
    void on(PayoutSent event) {
        paidOut = true;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        payoutFailures++;
    }

}
