package dev.bazaar.command.listing;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.kernel.listing.ListingId;

/** A closed listing is finished: it accepts no further change. */
class ListingIsClosed extends RuleViolation {

    ListingIsClosed(ListingId listingId) {
        super("listing-closed", 409, "Listing " + listingId + " is closed and accepts no further change.");
    }

}
