package dev.bazaar.kernel.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a paused listing visible again. */
public record ResumeListing(@TargetAggregateIdentifier ListingId listingId) {

}
