package dev.bazaar.command.listing;

import dev.bazaar.command.Actors;
import dev.bazaar.command.category.KnownCategories;
import dev.bazaar.command.organisation.KnownMemberships;
import dev.bazaar.kernel.listing.ListingAssignedToOrganisation;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.kernel.listing.ChangeListingPrice;
import dev.bazaar.kernel.listing.ChangeListingQuantity;
import dev.bazaar.kernel.listing.CloseListing;
import dev.bazaar.kernel.listing.CreateListing;
import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.kernel.listing.PauseListing;
import dev.bazaar.kernel.listing.PublishListing;
import dev.bazaar.kernel.listing.ResumeListing;
import dev.bazaar.kernel.listing.UpdateListingDetails;
import dev.bazaar.kernel.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.bazaar.command.Actors.aBuyer;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.anotherSeller;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.command.listing.ListingFixture.COLOR;
import static dev.bazaar.command.listing.ListingFixture.LAMPS;
import static dev.bazaar.command.listing.ListingFixture.LISTING;
import static dev.bazaar.command.listing.ListingFixture.PRICE;
import static dev.bazaar.command.listing.ListingFixture.RETIRED;
import static dev.bazaar.command.listing.ListingFixture.WATTS;
import static dev.bazaar.command.listing.ListingFixture.aCreateListing;
import static dev.bazaar.command.listing.ListingFixture.aDraft;
import static dev.bazaar.command.listing.ListingFixture.aPublishedListing;
import static dev.bazaar.command.listing.ListingFixture.anIncompleteDraft;

/** The listing's commands and refusals, one behaviour each (stock: ListingStockTest). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingTest {

    private AggregateTestFixture<Listing> fixture;

    private KnownCategories categories;

    @BeforeEach
    void setUp() {
        categories = new KnownCategories().active(LAMPS, COLOR, WATTS).with(RETIRED, null, false, List.of());
        fixture = new AggregateTestFixture<>(Listing.class);
        fixture.registerInjectableResource(categories);
        fixture.registerInjectableResource(memberships);
    }

    private static final OrganisationId ACME = OrganisationId.of("50000000-0000-0000-0000-000000000001");

    private final KnownMemberships memberships = new KnownMemberships()
            .with(ACME, Actors.SELLER, MemberRole.MEMBER)
            .with(ACME, Actors.OTHER_SELLER, MemberRole.MANAGER);

    private static CreateListing forAcme() {
        var plain = aCreateListing();
        return new CreateListing(plain.listingId(), plain.title(), plain.description(), plain.categoryId(),
                plain.price(), plain.quantity(), plain.attributes(), plain.imageUrls(), ACME);
    }

    @Test
    void a_member_lists_for_their_organisation() {
        fixture.givenNoPriorActivity()
                .when(forAcme(), theSeller())
                .expectEvents(aDraft(), new ListingAssignedToOrganisation(LISTING, ACME));
    }

    @Test
    void a_seller_outside_the_organisation_cannot_list_for_it() {
        fixture.givenNoPriorActivity()
                .when(forAcme(), Actors.as(Actors.BUYER, dev.bazaar.kernel.identity.Role.SELLER))
                .expectNoEvents()
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_manager_of_the_organisation_changes_its_listings() {
        fixture.given(aDraft(), new ListingAssignedToOrganisation(LISTING, ACME))
                .when(new ChangeListingQuantity(LISTING, 9), anotherSeller())
                .expectEvents(new ListingQuantityChanged(LISTING, 9));
    }

    @Test
    void a_manager_elsewhere_cannot_change_a_listing_outside_the_organisation() {
        fixture.given(aDraft())
                .when(new ChangeListingQuantity(LISTING, 9), anotherSeller())
                .expectNoEvents()
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_seller_drafts_a_listing() {
        fixture.givenNoPriorActivity()
                .when(aCreateListing(), theSeller())
                .expectSuccessfulHandlerExecution()
                .expectEvents(aDraft());
    }

    @Test
    void a_buyer_cannot_create_a_listing() {
        fixture.givenNoPriorActivity()
                .when(aCreateListing(), aBuyer())
                .expectNoEvents()
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_listing_needs_an_existing_active_category() {
        var inRetired = new CreateListing(LISTING, "Brass desk lamp", "Warm", RETIRED, PRICE, 1, Map.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(inRetired, theSeller())
                .expectNoEvents()
                .expectException(refusal("category-unavailable"));
    }

    @Test
    void attributes_must_match_the_category_definitions() {
        var wrong = new CreateListing(LISTING, "Brass desk lamp", "Warm", LAMPS, PRICE, 1,
                Map.of("color", "green", "watts", "forty", "shape", "round"), List.of());
        fixture.givenNoPriorActivity()
                .when(wrong, theSeller())
                .expectNoEvents()
                .expectException(refusal("validation", "attributes.color", "attributes.watts", "attributes.shape"));
    }

    @Test
    void a_required_attribute_cannot_be_left_out() {
        var missing = new CreateListing(LISTING, "Brass desk lamp", "Warm", LAMPS, PRICE, 1, Map.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(missing, theSeller())
                .expectException(refusal("validation", "attributes.color"));
    }

    @Test
    void title_price_quantity_description_and_images_are_checked_together() {
        var bad = new CreateListing(LISTING, "ab", "x".repeat(10_001), LAMPS, Money.of(0, "EUR"), -1,
                Map.of("color", "red"), Collections.nCopies(21, "https://img.example/a.jpg"));
        fixture.givenNoPriorActivity()
                .when(bad, theSeller())
                .expectNoEvents()
                .expectException(refusal("validation", "title", "description", "price", "quantity", "imageUrls"));
    }

    @Test
    void image_urls_must_be_web_addresses() {
        var bad = new CreateListing(LISTING, "Brass desk lamp", "Warm", LAMPS, PRICE, 1, Map.of("color", "red"),
                List.of("javascript:alert(1)"));
        fixture.givenNoPriorActivity()
                .when(bad, theSeller())
                .expectException(refusal("validation", "imageUrls[0]"));
    }

    @Test
    void the_seller_updates_the_details() {
        var update = new UpdateListingDetails(LISTING, "Brass lamp", "New text", LAMPS, Map.of("color", "blue"),
                List.of());
        fixture.given(aDraft())
                .when(update, theSeller())
                .expectEvents(new ListingDetailsUpdated(LISTING, "Brass lamp", "New text", LAMPS,
                        Map.of("color", "blue"), List.of()));
    }

    @Test
    void another_seller_cannot_change_the_listing() {
        fixture.given(aDraft())
                .when(new ChangeListingPrice(LISTING, Money.of(100, "EUR")), anotherSeller())
                .expectNoEvents()
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_admin_may_change_any_listing() {
        fixture.given(aDraft())
                .when(new CloseListing(LISTING), anAdmin())
                .expectEvents(new ListingClosed(LISTING));
    }

    @Test
    void the_price_changes() {
        fixture.given(aDraft())
                .when(new ChangeListingPrice(LISTING, Money.of(3999, "EUR")), theSeller())
                .expectEvents(new ListingPriceChanged(LISTING, Money.of(3999, "EUR")));
    }

    @Test
    void the_price_must_be_more_than_zero() {
        fixture.given(aDraft())
                .when(new ChangeListingPrice(LISTING, Money.of(0, "EUR")), theSeller())
                .expectNoEvents()
                .expectException(refusal("validation", "price"));
    }

    @Test
    void the_quantity_changes() {
        fixture.given(aDraft())
                .when(new ChangeListingQuantity(LISTING, 0), theSeller())
                .expectEvents(new ListingQuantityChanged(LISTING, 0));
    }

    @Test
    void the_quantity_cannot_be_negative() {
        fixture.given(aDraft())
                .when(new ChangeListingQuantity(LISTING, -1), theSeller())
                .expectException(refusal("validation", "quantity"));
    }

    @Test
    void a_complete_draft_is_published() {
        fixture.given(aDraft())
                .when(new PublishListing(LISTING), theSeller())
                .expectEvents(new ListingPublished(LISTING));
    }

    @Test
    void an_incomplete_draft_cannot_be_published() {
        fixture.given(anIncompleteDraft())
                .when(new PublishListing(LISTING), theSeller())
                .expectNoEvents()
                .expectException(refusal("listing-incomplete", "description", "imageUrls", "quantity"));
    }

    @Test
    void a_draft_whose_stock_ran_out_cannot_be_published() {
        fixture.given(aDraft(), new ListingQuantityChanged(LISTING, 0))
                .when(new PublishListing(LISTING), theSeller())
                .expectException(refusal("listing-incomplete", "quantity"));
    }

    @Test
    void a_draft_in_a_category_retired_since_cannot_be_published() {
        categories.with(LAMPS, null, false, List.of(COLOR, WATTS));
        fixture.given(aDraft())
                .when(new PublishListing(LISTING), theSeller())
                .expectException(refusal("category-unavailable"));
    }

    @Test
    void a_published_listing_cannot_be_published_again() {
        fixture.given(aPublishedListing())
                .when(new PublishListing(LISTING), theSeller())
                .expectException(refusal("listing-transition"));
    }

    @Test
    void a_published_listing_is_paused_and_resumed() {
        fixture.given(aPublishedListing())
                .when(new PauseListing(LISTING), theSeller())
                .expectEvents(new ListingPaused(LISTING));
        fixture.given(aDraft(), new ListingPublished(LISTING), new ListingPaused(LISTING))
                .when(new ResumeListing(LISTING), theSeller())
                .expectEvents(new ListingResumed(LISTING));
    }

    @Test
    void a_draft_cannot_be_paused() {
        fixture.given(aDraft())
                .when(new PauseListing(LISTING), theSeller())
                .expectException(refusal("listing-transition"));
    }

    @Test
    void only_a_paused_listing_can_be_resumed() {
        fixture.given(aPublishedListing())
                .when(new ResumeListing(LISTING), theSeller())
                .expectException(refusal("listing-transition"));
    }

    @Test
    void a_closed_listing_accepts_nothing() {
        fixture.given(aDraft(), new ListingClosed(LISTING))
                .when(new ChangeListingPrice(LISTING, Money.of(1, "EUR")), theSeller())
                .expectNoEvents()
                .expectException(refusal("listing-closed"));
        fixture.given(aDraft(), new ListingClosed(LISTING))
                .when(new CloseListing(LISTING), theSeller())
                .expectException(refusal("listing-closed"));
        fixture.given(aDraft(), new ListingClosed(LISTING))
                .when(new PublishListing(LISTING), theSeller())
                .expectException(refusal("listing-closed"));
    }

    @Test
    void moving_to_a_retired_category_is_refused() {
        var update = new UpdateListingDetails(LISTING, "Brass lamp", "x", RETIRED, Map.of(), List.of());
        fixture.given(aDraft())
                .when(update, theSeller())
                .expectException(refusal("category-unavailable"));
    }

}
