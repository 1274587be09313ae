package dev.bazaar.command.listing;

import dev.bazaar.command.Actors;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.AttributeType;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.listing.CreateListing;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.money.Money;

import java.util.List;
import java.util.Map;

/** Listings in well-known states, as the events that put them there. */
final class ListingFixture {

    static final ListingId LISTING = ListingId.of("10000000-0000-0000-0000-000000000001");

    static final CategoryId LAMPS = CategoryId.of("20000000-0000-0000-0000-000000000001");

    static final CategoryId RETIRED = CategoryId.of("20000000-0000-0000-0000-000000000002");

    static final AttributeDefinition COLOR = new AttributeDefinition("color", AttributeType.CHOICE, true,
            List.of("red", "blue"));

    static final AttributeDefinition WATTS = new AttributeDefinition("watts", AttributeType.NUMBER, false, List.of());

    static final Money PRICE = Money.of(4599, "EUR");

    private ListingFixture() {
    }

    static CreateListing aCreateListing() {
        return new CreateListing(LISTING, "Brass desk lamp", "Warm light for late reading", LAMPS, PRICE, 3,
                Map.of("color", "red", "watts", 40), List.of("https://img.example/lamp.jpg"));
    }

    static ListingDrafted aDraft() {
        return new ListingDrafted(LISTING, Actors.SELLER, "Brass desk lamp", "Warm light for late reading", LAMPS,
                PRICE, 3, Map.of("color", "red", "watts", 40), List.of("https://img.example/lamp.jpg"));
    }

    static ListingDrafted anIncompleteDraft() {
        return new ListingDrafted(LISTING, Actors.SELLER, "Brass desk lamp", "", LAMPS, PRICE, 0,
                Map.of("color", "red"), List.of());
    }

    static Object[] aPublishedListing() {
        return new Object[] {aDraft(), new ListingPublished(LISTING)};
    }

}
