package dev.bazaar.command.listing;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingStatus;

/** The listing is not in a state from which this step is allowed (e.g. pausing a draft). */
class IllegalListingTransition extends Refusal {

    IllegalListingTransition(ListingId listingId, String action, ListingStatus status) {
        super("listing-transition", 409, "Cannot " + action + " listing " + listingId + " while it is " + status + ".");
    }

}
