package dev.bazaar.command.listing;

import dev.bazaar.command.category.CategoryDirectory;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.command.organisation.Memberships;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.listing.ChangeListingPrice;
import dev.bazaar.kernel.listing.ChangeListingQuantity;
import dev.bazaar.kernel.listing.CloseListing;
import dev.bazaar.kernel.listing.CreateListing;
import dev.bazaar.kernel.listing.ListingAssignedToOrganisation;
import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.kernel.listing.ListingStatus;
import dev.bazaar.kernel.listing.PauseListing;
import dev.bazaar.kernel.listing.PublishListing;
import dev.bazaar.kernel.listing.ResumeListing;
import dev.bazaar.kernel.listing.UpdateListingDetails;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PlaceOrder;
import dev.bazaar.kernel.order.ReleaseStock;
import dev.bazaar.kernel.order.StockReleased;
import dev.bazaar.kernel.order.StockReserved;
import dev.bazaar.command.order.CommissionPolicy;
import dev.bazaar.command.order.Order;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static dev.bazaar.kernel.listing.ListingStatus.CLOSED;
import static dev.bazaar.kernel.listing.ListingStatus.DRAFT;
import static dev.bazaar.kernel.listing.ListingStatus.PAUSED;
import static dev.bazaar.kernel.listing.ListingStatus.PUBLISHED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** Something a seller offers. Decides in command handlers; event-sourcing handlers only remember. */
@Aggregate(cache = "aggregateCache")
class Listing {

    @AggregateIdentifier
    private ListingId listingId;

    private UserId sellerId;

    private ListingStatus status;

    private CategoryId categoryId;

    private ListingRules.Completeness completeness;

    private OrganisationId organisationId;

    private Money price;

    /** Units still for sale: the seller's quantity less what open orders reserved. */
    private int available;

    /** Orders holding stock that may still come back (so a repeated release gives nothing back twice). */
    private final Map<OrderId, Integer> reservations = new HashMap<>();

    Listing() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Listing(CreateListing command, Actor actor, CategoryDirectory categories, Memberships memberships) {
        if (!actor.is(Role.SELLER)) {
            throw new NotPermitted("Only sellers create listings.");
        }
        if (command.organisationId() != null
                && memberships.roleOf(command.organisationId(), actor.id()).isEmpty()) {
            throw new NotPermitted("Only members list for an organisation.");
        }
        ListingRules.requireValid(command.title(), command.description(), command.price(), command.quantity(),
                command.imageUrls());
        ListingRules.requireFitsCategory(command.categoryId(), command.attributes(), categories);
        apply(new ListingDrafted(command.listingId(), actor.id(), command.title().trim(), command.description(),
                command.categoryId(), command.price(), command.quantity(), command.attributes(),
                command.imageUrls()));
        if (command.organisationId() != null) {
            apply(new ListingAssignedToOrganisation(command.listingId(), command.organisationId()));
        }
    }

    @CommandHandler
    void handle(UpdateListingDetails command, Actor actor, CategoryDirectory categories,
            Memberships memberships) {
        requireChangeableBy(actor, memberships);
        ListingRules.requireValidDetails(command.title(), command.description(), command.imageUrls());
        ListingRules.requireFitsCategory(command.categoryId(), command.attributes(), categories);
        apply(new ListingDetailsUpdated(listingId, command.title().trim(), command.description(),
                command.categoryId(), command.attributes(), command.imageUrls()));
    }

    @CommandHandler
    void handle(ChangeListingPrice command, Actor actor, Memberships memberships) {
        requireChangeableBy(actor, memberships);
        ListingRules.requireValidPrice(command.price());
        apply(new ListingPriceChanged(listingId, command.price()));
    }

    @CommandHandler
    void handle(ChangeListingQuantity command, Actor actor, Memberships memberships) {
        requireChangeableBy(actor, memberships);
        ListingRules.requireValidQuantity(command.quantity());
        apply(new ListingQuantityChanged(listingId, command.quantity()));
    }

    @CommandHandler
    void handle(PublishListing command, Actor actor, CategoryDirectory categories,
            Memberships memberships) {
        requireChangeableBy(actor, memberships);
        requireStatus(DRAFT, "publish");
        completeness.requireComplete();
        ListingRules.requireActiveCategory(categoryId, categories);
        apply(new ListingPublished(listingId));
    }

    @CommandHandler
    void handle(PauseListing command, Actor actor, Memberships memberships) {
        requireChangeableBy(actor, memberships);
        requireStatus(PUBLISHED, "pause");
        apply(new ListingPaused(listingId));
    }

    @CommandHandler
    void handle(ResumeListing command, Actor actor, Memberships memberships) {
        requireChangeableBy(actor, memberships);
        requireStatus(PAUSED, "resume");
        apply(new ListingResumed(listingId));
    }

    @CommandHandler
    void handle(CloseListing command, Actor actor, Memberships memberships) {
        requireChangeableBy(actor, memberships);
        apply(new ListingClosed(listingId));
    }

    /**
     * Reserves the stock and opens the order in one unit of work: both events commit together or not at all, and
     * two buyers racing for the last unit conflict on this listing's next sequence number, so one of them loses,
     * is retried, and finds it sold.
     */
    @CommandHandler
    void handle(PlaceOrder command, Actor actor, CommissionPolicy commissions) throws Exception {
        if (!actor.is(Role.BUYER)) {
            throw new NotPermitted("Only buyers place orders.");
        }
        if (actor.id().equals(sellerId)) {
            throw new NotPermitted("Sellers cannot buy their own listings.");
        }
        if (status != PUBLISHED) {
            throw new ListingNotForSale(listingId, status);
        }
        OrderTerms terms = OrderTerms.of(command, price);
        if (command.quantity() > available) {
            throw new OutOfStock(listingId, command.quantity(), available);
        }
        apply(new StockReserved(listingId, command.orderId(), command.quantity(), available - command.quantity()));
        int commission = commissions.basisPointsFor(sellerId, categoryId);
        createNew(Order.class, () -> Order.place(command.orderId(), listingId, actor.id(), sellerId, terms.quantity(),
                terms.unitPrice(), terms.shipping(), terms.total(), commission, command.paymentMethod()));
    }

    /** Only the order process releases stock, once per order that ended before the seller took it. */
    @CommandHandler
    void handle(ReleaseStock command, Actor actor) {
        if (!actor.is(Role.SYSTEM)) {
            throw new NotPermitted("Stock comes back only when an order ends.");
        }
        Integer reserved = reservations.get(command.orderId());
        if (reserved != null) {
            apply(new StockReleased(listingId, command.orderId(), reserved, available + reserved));
        }
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        available = event.remaining();
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        available = event.remaining();
        reservations.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(ListingPriceChanged event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(ListingDrafted event) {
        listingId = event.listingId();
        sellerId = event.sellerId();
        status = DRAFT;
        categoryId = event.categoryId();
        completeness = new ListingRules.Completeness(event.description(), event.imageUrls().size(), event.quantity());
        price = event.price();
        available = event.quantity();
    }

    @EventSourcingHandler
    void on(ListingDetailsUpdated event) {
        categoryId = event.categoryId();
        completeness = completeness.withDetails(event.description(), event.imageUrls().size());
    }

    @EventSourcingHandler
    void on(ListingQuantityChanged event) {
        completeness = completeness.withQuantity(event.quantity());
        available = event.quantity();
    }

    @EventSourcingHandler
    void on(ListingPublished event) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(ListingPaused event) {
        status = PAUSED;
    }

    @EventSourcingHandler
    void on(ListingResumed event) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(ListingAssignedToOrganisation event) {
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(ListingClosed event) {
        status = CLOSED;
    }

    private void requireChangeableBy(Actor actor, Memberships memberships) {
        boolean managesItsOrganisation = organisationId != null && memberships.roleOf(organisationId, actor.id())
                .map(MemberRole::manages).orElse(false);
        if (!actor.id().equals(sellerId) && !actor.is(Role.ADMIN) && !managesItsOrganisation) {
            throw new NotPermitted(
                    "Only the listing's seller, a manager of its organisation or an admin may change it.");
        }
        if (status == CLOSED) {
            throw new ListingIsClosed(listingId);
        }
    }

    private void requireStatus(ListingStatus expected, String action) {
        if (status != expected) {
            throw new IllegalListingTransition(listingId, action, status);
        }
    }

}
