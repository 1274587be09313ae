package dev.bazaar.command.listing;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingStatus;

/** Only a published listing takes orders. */
class ListingNotForSale extends RuleViolation {

    ListingNotForSale(ListingId listingId, ListingStatus status) {
        super("listing-not-for-sale", 409, "Listing " + listingId + " is " + status + " and takes no orders.");
    }

}
