package dev.bazaar.command.order;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.ProviderDisputeClosed;
import dev.bazaar.kernel.order.ProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.ProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.ProviderDisputeOpened;
import dev.bazaar.kernel.order.ProviderDisputeUpdated;
import dev.bazaar.kernel.order.RecordProviderDispute;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordProviderDisputeUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the payment provider has told of the disputes of an order's charge: which are open and what each contests, its
 * last status, what it withdrew from the platform's balance (and has not given back), and which are closed. The
 * provider may report a dispute first by its update, withdrawal or close: it is opened then. Its reports are handled
 * here; the close, which takes money from escrow and may resume the order's completion, is decided by the order with
 * {@link #close}.
 */
final class ProviderDisputes {

    /** What the provider withdrew for one dispute: the contested amount and its fee, in minor units. */
    record Withdrawal(long amount, long fee) {

    }

    private final OrderParties parties;

    private final String currency;

    private final Map<String, Long> open = new HashMap<>();

    private final Map<String, String> statuses = new HashMap<>();

    private final Map<String, Withdrawal> withdrawn = new HashMap<>();

    private final Set<String> everWithdrawn = new HashSet<>();

    private final Set<String> closed = new HashSet<>();

    ProviderDisputes(OrderParties parties, String currency) {
        this.parties = parties;
        this.currency = currency;
    }

    @CommandHandler
    void handle(RecordProviderDispute command, Actor actor) {
        parties.requireSystem(actor);
        openIfUnknown(command.disputeId(), command.amount(), command.reason()).forEach(event -> apply(event));
    }

    @CommandHandler
    void handle(RecordProviderDisputeUpdated command, Actor actor) {
        parties.requireSystem(actor);
        String id = command.disputeId();
        if (closed.contains(id)) {
            return;
        }
        openIfUnknown(id, command.amount(), command.reason()).forEach(event -> apply(event));
        if (!command.status().equals(statuses.get(id))) {
            apply(new ProviderDisputeUpdated(orderId(), id, command.status()));
        }
    }

    /** Once per dispute, and not after its close: a lost dispute's close takes the amount from the balance itself. */
    @CommandHandler
    void handle(RecordProviderDisputeFundsWithdrawn command, Actor actor) {
        parties.requireSystem(actor);
        String id = command.disputeId();
        if (closed.contains(id) || everWithdrawn.contains(id)) {
            return;
        }
        openIfUnknown(id, command.amount(), command.reason()).forEach(event -> apply(event));
        apply(new ProviderDisputeFundsWithdrawn(orderId(), id, command.amount(), command.fee()));
    }

    /** Gives back what was withdrawn for the dispute (at most once), and at most the fee that was charged. */
    @CommandHandler
    void handle(RecordProviderDisputeFundsReinstated command, Actor actor) {
        parties.requireSystem(actor);
        Withdrawal withdrawal = withdrawn.get(command.disputeId());
        if (withdrawal == null) {
            return;
        }
        long feeReturned = Math.max(0, Math.min(command.feeReturned().amountMinor(), withdrawal.fee()));
        apply(new ProviderDisputeFundsReinstated(orderId(), command.disputeId(), money(withdrawal.amount()),
                money(feeReturned)));
    }

    /**
     * The events of a dispute's close, none if it is closed already: a lost dispute takes what it contests from the
     * held funds first ({@code heldMinor}); whatever they no longer hold is the platform's loss.
     */
    List<Object> close(RecordProviderDisputeClosed command, long heldMinor) {
        String id = command.disputeId();
        if (closed.contains(id)) {
            return List.of();
        }
        List<Object> events = new ArrayList<>(openIfUnknown(id, command.amount(), command.reason()));
        long contested = open.containsKey(id) ? open.get(id) : command.amount().amountMinor();
        long lost = "lost".equals(command.status()) ? contested : 0;
        long fromEscrow = Math.min(lost, heldMinor);
        events.add(new ProviderDisputeClosed(orderId(), id, command.status(), money(fromEscrow),
                money(lost - fromEscrow)));
        return events;
    }

    boolean anyOpen() {
        return !open.isEmpty();
    }

    private List<Object> openIfUnknown(String id, Money amount, String reason) {
        return open.containsKey(id) || closed.contains(id) ? List.of()
                : List.of(new ProviderDisputeOpened(orderId(), id, amount, reason));
    }

    private Money money(long amountMinor) {
        return Money.of(amountMinor, currency);
    }

    private OrderId orderId() {
        return parties.orderId();
    }

    @EventSourcingHandler
    void on(ProviderDisputeOpened event) {
        open.put(event.disputeId(), event.amount().amountMinor());
    }

    @EventSourcingHandler
    void on(ProviderDisputeUpdated event) {
        statuses.put(event.disputeId(), event.status());
    }

    @EventSourcingHandler
    void on(ProviderDisputeFundsWithdrawn event) {
        withdrawn.put(event.disputeId(), new Withdrawal(event.amount().amountMinor(), event.fee().amountMinor()));
        everWithdrawn.add(event.disputeId());
    }

    @EventSourcingHandler
    void on(ProviderDisputeFundsReinstated event) {
        withdrawn.remove(event.disputeId());
    }

    @EventSourcingHandler
    void on(ProviderDisputeClosed event) {
        open.remove(event.disputeId());
        closed.add(event.disputeId());
    }

}
