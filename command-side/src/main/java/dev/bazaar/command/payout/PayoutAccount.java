package dev.bazaar.command.payout;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.payout.OpenPayoutAccount;
import dev.bazaar.kernel.payout.PayoutAccountId;
import dev.bazaar.kernel.payout.PayoutAccountOpened;
import dev.bazaar.kernel.payout.PayoutAccountVerified;
import dev.bazaar.kernel.payout.RecordPayoutAccountVerified;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A seller's connected account at the payment provider, and whether payouts may go to it yet. */
@Aggregate
class PayoutAccount {

    @AggregateIdentifier
    private PayoutAccountId payoutAccountId;

    private String providerAccountId;

    private boolean verified;

    PayoutAccount() {
        // for Axon: rebuilt from events
    }

    /** Opening again (a retried request) with the same provider account changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenPayoutAccount command, Actor actor) {
        if (!actor.id().equals(command.payoutAccountId().sellerId()) && !actor.is(Role.ADMIN)) {
            throw new NotPermitted("Sellers open their own payout accounts.");
        }
        if (providerAccountId == null) {
            apply(new PayoutAccountOpened(command.payoutAccountId(), command.payoutAccountId().sellerId(),
                    command.providerAccountId()));
        }
    }

    @CommandHandler
    void handle(RecordPayoutAccountVerified command, Actor actor) {
        if (!actor.is(Role.SYSTEM)) {
            throw new NotPermitted("Only the payment provider's report verifies a payout account.");
        }
        if (!verified && command.providerAccountId().equals(providerAccountId)) {
            apply(new PayoutAccountVerified(payoutAccountId, payoutAccountId.sellerId(), providerAccountId));
        }
    }

    @EventSourcingHandler
    void on(PayoutAccountOpened event) {
        payoutAccountId = event.payoutAccountId();
        providerAccountId = event.providerAccountId();
    }

    @EventSourcingHandler
    void on(PayoutAccountVerified event) {
        verified = true;
    }

}
