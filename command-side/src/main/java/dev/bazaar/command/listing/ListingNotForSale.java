package dev.bazaar.command.listing;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingStatus;

/** Only a published listing takes orders. */
class ListingNotForSale extends Refusal {

    ListingNotForSale(ListingId listingId, ListingStatus status) {
        super("listing-not-for-sale", 409, "Listing " + listingId + " is " + status + " and takes no orders.");
    }

}
