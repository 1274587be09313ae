package dev.bazaar.kernel.listing;

import dev.bazaar.kernel.money.Money;

import org.axonframework.serialization.Revision;

/** A listing's unit price changed. */
@Revision("1")
public record ListingPriceChanged(ListingId listingId, Money price) {

}
