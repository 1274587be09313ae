package dev.bazaar.kernel.listing;

import dev.bazaar.kernel.money.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a new unit price for a listing. */
public record ChangeListingPrice(@TargetAggregateIdentifier ListingId listingId, Money price) {

}
