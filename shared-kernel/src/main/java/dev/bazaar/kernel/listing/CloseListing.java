package dev.bazaar.kernel.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a listing for good; a closed listing accepts no further change. */
public record CloseListing(@TargetAggregateIdentifier ListingId listingId) {

}
