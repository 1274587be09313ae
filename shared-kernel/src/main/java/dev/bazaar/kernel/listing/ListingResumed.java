package dev.bazaar.kernel.listing;

import org.axonframework.serialization.Revision;

/** A paused listing became visible to buyers again. */
@Revision("1")
public record ListingResumed(ListingId listingId) {

}
