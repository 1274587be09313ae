package dev.bazaar.command.listing;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.listing.ListingId;

/** Fewer units are left than the buyer asked for (the last one may just have gone to someone else). */
class OutOfStock extends Refusal {

    OutOfStock(ListingId listingId, int wanted, int available) {
        super("out-of-stock", 409, "Listing " + listingId + " has " + available + " unit(s) left; " + wanted
                + " were asked for.");
    }

}
