package dev.bazaar.command.listing;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.listing.ListingId;

/** A closed listing is finished: it accepts no further change. */
class ListingIsClosed extends Refusal {

    ListingIsClosed(ListingId listingId) {
        super("listing-closed", 409, "Listing " + listingId + " is closed and accepts no further change.");
    }

}
