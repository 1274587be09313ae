package dev.bazaar.kernel.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set how many units of a listing are available. */
public record ChangeListingQuantity(@TargetAggregateIdentifier ListingId listingId, int quantity) {

}
