package dev.bazaar.kernel.listing;

import org.axonframework.serialization.Revision;

/** The number of units available of a listing changed. */
@Revision("1")
public record ListingQuantityChanged(ListingId listingId, int quantity) {

}
