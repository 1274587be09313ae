package dev.bazaar.kernel.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a complete draft visible to buyers. */
public record PublishListing(@TargetAggregateIdentifier ListingId listingId) {

}
