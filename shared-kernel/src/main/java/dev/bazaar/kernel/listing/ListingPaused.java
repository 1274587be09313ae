package dev.bazaar.kernel.listing;

import org.axonframework.serialization.Revision;

/** A seller hid a published listing for a while. */
@Revision("1")
public record ListingPaused(ListingId listingId) {

}
