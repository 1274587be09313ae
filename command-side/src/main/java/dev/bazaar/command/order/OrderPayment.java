package dev.bazaar.command.order;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AuthorizationReleased;
import dev.bazaar.kernel.order.EscrowReleased;
import dev.bazaar.kernel.order.FundsHeldAfterCompletion;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.PayoutFailed;
import dev.bazaar.kernel.order.PayoutRequested;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordPayout;
import dev.bazaar.kernel.order.RecordPayoutFailure;
import dev.bazaar.kernel.order.RecordRefund;
import dev.bazaar.kernel.order.RefundFailed;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.RefundRequested;
import dev.bazaar.kernel.order.RefundReturned;
import dev.bazaar.kernel.order.RetryPayout;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.problem.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of an order: what was captured and where it is now ({@link Escrow}), the refunds under way and issued, and
 * the seller's payout. It decides from its own state: the reports that need nothing else (a refund issued, a payout
 * sent or failed) it handles itself; for the steps the order's status decides, the root asks it what the money allows
 * and which event says so. Reports from the provider may arrive twice or late: a report already known changes
 * nothing.
 */
class OrderPayment {

    private final OrderParties parties;

    private final Money total;

    private final int commissionBasisPoints;

    private boolean authorizationReleased;

    private Escrow escrow;

    private final Map<RefundId, RefundRequested> refundsUnderWay = new HashMap<>();

    private final Set<RefundId> refundsDecided = new HashSet<>();

    /** Issued refunds by the provider's id, until one comes back. */
    private final Map<String, RefundIssued> refundsIssued = new HashMap<>();

    private boolean paidOut;

    /** What the seller is to be paid once released, and how many payouts of it failed. */
    private Money payoutOwed;

    private int payoutFailures;

    OrderPayment(OrderParties parties, Money total, int commissionBasisPoints) {
        this.parties = parties;
        this.total = total;
        this.commissionBasisPoints = commissionBasisPoints;
        this.escrow = Escrow.none(total.currency());
    }

    @CommandHandler
    void handle(RecordRefund command, Actor actor) {
        parties.requireSystem(actor);
        RefundRequested refund = refundsUnderWay.get(command.refundId());
        if (refund != null) {
            apply(new RefundIssued(orderId(), refund.refundId(), command.providerRefundId(), refund.amount(),
                    refund.fromSeller(), refund.fromCommission(),
                    command.transferReversed() && paidOut && refund.fromSeller().isPositive()));
        }
    }

    @CommandHandler
    void handle(RecordPayout command, Actor actor) {
        parties.requireSystem(actor);
        if (!paidOut) {
            apply(new PayoutSent(orderId(), parties.sellerId(), command.transferId(), command.amount()));
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
            apply(new PayoutRequested(orderId(), parties.sellerId(), payoutOwed, payoutFailures + 1));
        }
        else if (actor.is(Role.ADMIN)) {
            throw new NoFailedPayout(orderId());
        }
    }

    @CommandHandler
    void handle(RecordPayoutFailure command, Actor actor) {
        parties.requireSystem(actor);
        if (!paidOut) {
            apply(new PayoutFailed(orderId(), parties.sellerId(), command.reason()));
        }
    }

    /** An admin retried a payout of an order whose payout did not fail (sent, or not owed yet). */
    static final class NoFailedPayout extends Refusal {

        NoFailedPayout(OrderId orderId) {
            super("no-failed-payout", 409, "Order " + orderId + " has no failed payout to retry.");
        }

    }

    boolean refundDecided(RefundId refundId) {
        return refundsDecided.contains(refundId);
    }

    void requirePositiveInItsCurrency(Money amount) {
        if (!amount.currency().equals(total.currency()) || !amount.isPositive()) {
            throw new RefundNotPossible(orderId(), "the amount must be positive and in " + total.currency() + ".");
        }
    }

    void requireZeroOrMoreInItsCurrency(Money amount) {
        if (!amount.currency().equals(total.currency()) || amount.amountMinor() < 0) {
            throw new RefundNotPossible(orderId(), "the refund must be zero or more, in " + total.currency() + ".");
        }
    }

    /** Before capture the authorisation is released whole or not at all. */
    void requireWhole(Money amount) {
        if (amount.amountMinor() != total.amountMinor()) {
            throw new RefundNotPossible(orderId(), "before capture only the whole amount, " + total
                    + ", can be refunded (by releasing the authorisation).");
        }
    }

    void requireRefundable(long amount) {
        if (escrow.captured() == 0) {
            throw new RefundNotPossible(orderId(), "nothing has been captured yet.");
        }
        if (amount > escrow.refundable()) {
            throw new RefundNotPossible(orderId(), "at most " + escrow.money(escrow.refundable())
                    + " can still be refunded.");
        }
    }

    /** A refund of what was captured: from the held funds first, then from the seller and the commission. */
    RefundRequested refund(RefundId refundId, long amount, String reason, CommissionPolicy commissions) {
        requireRefundable(amount);
        Escrow.Split split = escrow.split(amount, commissions.refundsReturnCommission());
        return new RefundRequested(orderId(), refundId, escrow.money(amount), escrow.money(split.fromSeller()),
                escrow.money(split.fromCommission()), reason);
    }

    /** The issued refund the provider says came back, if it was issued here and has not come back already. */
    Optional<RefundReturned> returned(String providerRefundId, String reason) {
        return Optional.ofNullable(refundsIssued.get(providerRefundId)).map(issued -> new RefundReturned(orderId(),
                issued.refundId(), issued.providerRefundId(), issued.amount(), reason));
    }

    /** The refund under way that the provider says failed, if it is under way. */
    Optional<RefundFailed> failed(RefundId refundId, String reason) {
        return refundsUnderWay.containsKey(refundId) ? Optional.of(new RefundFailed(orderId(), refundId, reason))
                : Optional.empty();
    }

    /** Money held again after the escrow was released, for an admin to refund. */
    Optional<FundsHeldAfterCompletion> heldAfterCompletion(String reason) {
        return escrow.held() > 0 ? Optional.of(new FundsHeldAfterCompletion(orderId(), escrow.money(escrow.held()),
                reason)) : Optional.empty();
    }

    /** What escrow still holds, to the seller less the commission (a fraction of a cent goes to the seller). */
    Optional<EscrowReleased> release() {
        Money held = escrow.money(escrow.held());
        if (!held.isPositive()) {
            return Optional.empty();
        }
        Money commission = CommissionPolicy.commissionOn(held, commissionBasisPoints);
        return Optional.of(new EscrowReleased(orderId(), parties.sellerId(), Money.of(held.amountMinor()
                - commission.amountMinor(), held.currency()), commission));
    }

    void requireNoRefundUnderWay() {
        if (!refundsUnderWay.isEmpty()) {
            throw new RefundNotPossible(orderId(), "a refund is still under way at the payment provider.");
        }
    }

    boolean captured() {
        return escrow.captured() > 0;
    }

    long heldMinor() {
        return escrow.held();
    }

    boolean authorizationReleased() {
        return authorizationReleased;
    }

    private OrderId orderId() {
        return parties.orderId();
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        escrow = escrow.capture(event.amount());
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

    /** A lost dispute took its amount from the held funds first. */
    @EventSourcingHandler
    void on(ProviderDisputeClosed event) {
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
