package dev.bazaar.command.order;

import dev.bazaar.command.Actors;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderAccepted;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.order.PaymentAuthorized;
import dev.bazaar.kernel.order.PaymentCaptured;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.OrderDelivered;
import dev.bazaar.kernel.order.OrderShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** An order of 25.00 + 5.00 shipping at 10 % commission, and the events that bring it to each stage. */
final class OrderFixture {

    static final OrderId ORDER = OrderId.of("30000000-0000-0000-0000-000000000001");

    static final ListingId LISTING = ListingId.of("10000000-0000-0000-0000-000000000001");

    static final Money TOTAL = Money.of(3000, "EUR");

    static final String INTENT = "pi_test";

    /** The refund the tests ask for, when they need one. */
    static final RefundId REFUND = RefundId.of("40000000-0000-0000-0000-000000000001");

    static final CommissionPolicy COMMISSIONS = new CommissionPolicy(1000, Map.of(), Map.of(), true);

    /** The id of a scheduled expiry, as authorisations named it before the acceptance sweep (ADR 0015). */
    static final String EXPIRY = "deadline-1";

    static final OrderTimings TIMINGS = new OrderTimings(Duration.ofHours(48), Duration.ofDays(7));

    private OrderFixture() {
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static OrderPlaced placed() {
        return new OrderPlaced(ORDER, LISTING, Actors.BUYER, Actors.SELLER, 1, eur(2500), eur(500), TOTAL, 1000,
                "pm_card_visa");
    }

    static Object[] authorized() {
        return new Object[] {placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, null)};
    }

    /** Authorised before the acceptance sweep: the expiry was a scheduled deadline, named in the event. */
    static Object[] authorizedWithScheduledExpiry() {
        return new Object[] {placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, EXPIRY)};
    }

    static Object[] inEscrow() {
        return new Object[] {placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, null),
            new OrderAccepted(ORDER), new PaymentCaptured(ORDER, INTENT, TOTAL, eur(117))};
    }

    /** The stage's events followed by more. */
    static java.util.List<Object> then(Object[] stage, Object... more) {
        var events = new java.util.ArrayList<>(java.util.List.of(stage));
        events.addAll(java.util.List.of(more));
        return events;
    }

    static Map<String, Object> theProcess() {
        return Actors.as(dev.bazaar.command.common.SystemActor.ORDER_PROCESS.id(), Role.SYSTEM);
    }

    /** A given-when-then fixture of the order aggregate, with the timings and commission policy it is given. */
    static AggregateTestFixture<Order> aFixture() {
        var fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(TIMINGS);
        fixture.registerInjectableResource(COMMISSIONS);
        return fixture;
    }

    /**
     * Exactly this one event, whatever id the deadline manager gave the deadline it names (written null in the
     * expected event), as long as it names one.
     */
    static Matcher<List<org.axonframework.messaging.Message<?>>> namingItsDeadline(Object expected) {
        return payloadsMatching(exactSequenceOf(predicate(actual -> deadlineIdOf(actual) != null
                && withDeadlineId(actual, null).equals(expected)), andNoMore()));
    }

    private static String deadlineIdOf(Object event) {
        if (event instanceof PaymentAuthorized authorized) {
            return authorized.acceptanceDeadline();
        }
        if (event instanceof OrderShipped shipped) {
            return shipped.completionDeadline();
        }
        return event instanceof OrderDelivered delivered ? delivered.completionDeadline() : null;
    }

    private static Object withDeadlineId(Object event, String id) {
        if (event instanceof PaymentAuthorized e) {
            return new PaymentAuthorized(e.orderId(), e.paymentIntentId(), e.amount(), e.acceptBy(), id);
        }
        if (event instanceof OrderShipped e) {
            return new OrderShipped(e.orderId(), e.carrier(), e.trackingNumber(), e.completeBy(), id);
        }
        if (event instanceof OrderDelivered e) {
            return new OrderDelivered(e.orderId(), e.service(), e.completeBy(), id);
        }
        return event;
    }

}
