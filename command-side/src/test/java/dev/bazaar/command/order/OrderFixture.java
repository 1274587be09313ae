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
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** An order of 25.00 + 5.00 shipping at 10 % commission, and the events that bring it to each stage. */
final class OrderFixture {

    static final OrderId ORDER = OrderId.of("30000000-0000-0000-0000-000000000001");

    static final ListingId LISTING = ListingId.of("10000000-0000-0000-0000-000000000001");

    static final Money TOTAL = Money.of(3000, "EUR");

    static final String INTENT = "pi_test";

    static final CommissionPolicy COMMISSIONS = new CommissionPolicy(1000, Map.of(), Map.of(), true);

    /** The id of the scheduled expiry an authorisation names (as the deadline manager answered it). */
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
        return new Object[] {placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, EXPIRY)};
    }

    static Object[] inEscrow() {
        return new Object[] {placed(), new PaymentAuthorized(ORDER, INTENT, TOTAL, Instant.EPOCH, EXPIRY),
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

}
