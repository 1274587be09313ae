package dev.bazaar.kernel.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hide a published listing for a while. */
public record PauseListing(@TargetAggregateIdentifier ListingId listingId) {

}
