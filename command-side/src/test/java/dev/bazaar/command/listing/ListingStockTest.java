package dev.bazaar.command.listing;

import dev.bazaar.command.Actors;
import dev.bazaar.command.category.KnownCategories;
import dev.bazaar.command.common.SystemActor;
import dev.bazaar.command.order.CommissionPolicy;
import dev.bazaar.command.organisation.KnownMemberships;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PlaceOrder;
import dev.bazaar.kernel.order.ReleaseStock;
import dev.bazaar.kernel.order.StockReleased;
import dev.bazaar.kernel.order.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.listing.ListingFixture.LISTING;
import static dev.bazaar.command.listing.ListingFixture.aDraft;
import static dev.bazaar.command.listing.ListingFixture.aPublishedListing;

/** The listing's side of an order: stock reserved once, given back once. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingStockTest {

    private static final OrderId ORDER = OrderId.of("30000000-0000-0000-0000-000000000001");

    private AggregateTestFixture<Listing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Listing.class);
        fixture.registerInjectableResource(new KnownCategories());
        fixture.registerInjectableResource(new KnownMemberships());
        fixture.registerInjectableResource(new CommissionPolicy(1000, Map.of(), Map.of(), true));
    }

    private static PlaceOrder order(int quantity) {
        return new PlaceOrder(LISTING, ORDER, quantity, null, "pm_card_visa");
    }

    private static List<Object> published(Object... more) {
        var events = new ArrayList<>(List.of(aPublishedListing()));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void no_more_units_are_sold_than_are_left() {
        fixture.given(published(new StockReserved(LISTING, OrderId.random(), 2, 1)))
                .when(order(2), aBuyer())
                .expectException(refusal("out-of-stock"));
    }

    @Test
    void a_listing_that_is_not_published_takes_no_orders() {
        fixture.given(aDraft())
                .when(order(1), aBuyer())
                .expectException(refusal("listing-not-for-sale"));
        fixture.given(published(new ListingPaused(LISTING)))
                .when(order(1), aBuyer())
                .expectException(refusal("listing-not-for-sale"));
    }

    @Test
    void sellers_do_not_buy_their_own_listings_and_only_buyers_order() {
        fixture.given(published())
                .when(order(1), Actors.as(Actors.SELLER, Role.BUYER))
                .expectException(refusal("not-permitted"));
        fixture.given(published())
                .when(order(1), theSeller())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_order_needs_a_payment_method_and_shipping_in_the_listings_currency() {
        fixture.given(published())
                .when(new PlaceOrder(LISTING, ORDER, 1, Money.of(500, "USD"), " "), aBuyer())
                .expectException(refusal("validation", "shipping.currency", "paymentMethod"));
    }

    @Test
    void stock_comes_back_once_however_often_its_release_is_asked_for() {
        fixture.given(published(new StockReserved(LISTING, ORDER, 2, 1)))
                .when(new ReleaseStock(LISTING, ORDER, 2), process())
                .expectEvents(new StockReleased(LISTING, ORDER, 2, 3));
        fixture.given(published(new StockReserved(LISTING, ORDER, 2, 1), new StockReleased(LISTING, ORDER, 2, 3)))
                .when(new ReleaseStock(LISTING, ORDER, 2), process())
                .expectNoEvents();
    }

    @Test
    void only_the_order_process_gives_stock_back() {
        fixture.given(published(new StockReserved(LISTING, ORDER, 2, 1)))
                .when(new ReleaseStock(LISTING, ORDER, 2), theSeller())
                .expectException(refusal("not-permitted"));
    }

    private static Map<String, Object> process() {
        return Actors.as(SystemActor.ORDER_PROCESS.id(), Role.SYSTEM);
    }

}
