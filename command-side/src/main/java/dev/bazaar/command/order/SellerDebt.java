package dev.bazaar.command.order;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PayoutSent;
import dev.bazaar.kernel.order.RecordSellerDebtRecovery;
import dev.bazaar.kernel.order.RecordSellerDebtRecoveryFailure;
import dev.bazaar.kernel.order.RecoverSellerDebt;
import dev.bazaar.kernel.order.RefundIssued;
import dev.bazaar.kernel.order.SellerDebtRecovered;
import dev.bazaar.kernel.order.SellerDebtRecoveryFailed;
import dev.bazaar.kernel.order.SellerDebtRecoveryRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the seller owes the platform on one order: the seller's part of a refund made after their payout, when Stripe
 * refused to take it back from their transfer (their connected balance was too low, say). The buyer has their money
 * either way; the platform paid it. An admin asks Stripe again once the seller's balance allows, as often as needed,
 * one attempt at a time; the invariant check lists the order while anything is owed. Only a refund after the payout
 * leaves a debt, so the debt remembers whether the seller was paid.
 */
class SellerDebt {

    private final OrderParties parties;

    private final String currency;

    private boolean paidOut;

    private long owedMinor;

    private int attempts;

    private boolean recoveryUnderWay;

    SellerDebt(OrderParties parties, String currency) {
        this.parties = parties;
        this.currency = currency;
    }

    /** Asked again while an attempt is under way: nothing more happens (one reversal at a time). */
    @CommandHandler
    void handle(RecoverSellerDebt command, Actor actor) {
        parties.requireAdmin(actor, "recover what the seller owes on");
        if (owedMinor == 0) {
            throw new NothingOwed(parties.orderId());
        }
        if (!recoveryUnderWay) {
            apply(new SellerDebtRecoveryRequested(parties.orderId(), parties.sellerId(), Money.of(owedMinor,
                    currency), attempts + 1));
        }
    }

    /** A report of an attempt other than the one under way (late, or twice) changes nothing. */
    @CommandHandler
    void handle(RecordSellerDebtRecovery command, Actor actor) {
        parties.requireSystem(actor);
        if (recoveryUnderWay && command.attempt() == attempts) {
            apply(new SellerDebtRecovered(parties.orderId(), parties.sellerId(), Money.of(owedMinor, currency),
                    command.providerReversalId()));
        }
    }

    @CommandHandler
    void handle(RecordSellerDebtRecoveryFailure command, Actor actor) {
        parties.requireSystem(actor);
        if (recoveryUnderWay && command.attempt() == attempts) {
            apply(new SellerDebtRecoveryFailed(parties.orderId(), command.attempt(), command.reason()));
        }
    }

    /** After payout, the seller's part of a refund not taken back from their transfer is owed by them. */
    @EventSourcingHandler
    void on(PayoutSent event) {
        paidOut = true;
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        if (paidOut && !event.transferReversed()) {
            owedMinor += event.fromSeller().amountMinor();
        }
    }

    @EventSourcingHandler
    void on(SellerDebtRecoveryRequested event) {
        attempts = event.attempt();
        recoveryUnderWay = true;
    }

    @EventSourcingHandler
    void on(SellerDebtRecovered event) {
        owedMinor -= event.amount().amountMinor();
        recoveryUnderWay = false;
    }

    @EventSourcingHandler
    void on(SellerDebtRecoveryFailed event) {
        recoveryUnderWay = false;
    }

    /** Recovering a debt of an order on which the seller owes nothing. */
    static final class NothingOwed extends Refusal {

        NothingOwed(OrderId orderId) {
            super("nothing-owed", 409, "The seller owes nothing on order " + orderId + ".");
        }

    }

}
