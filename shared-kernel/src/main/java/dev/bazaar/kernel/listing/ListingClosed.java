package dev.bazaar.kernel.listing;

import org.axonframework.serialization.Revision;

/** A listing ended for good. */
@Revision("1")
public record ListingClosed(ListingId listingId) {

}
