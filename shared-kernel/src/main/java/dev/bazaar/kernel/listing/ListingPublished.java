package dev.bazaar.kernel.listing;

import org.axonframework.serialization.Revision;

/** A listing became visible to buyers and searchable. */
@Revision("1")
public record ListingPublished(ListingId listingId) {

}
