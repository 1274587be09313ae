package dev.bazaar.kernel.order;

import dev.bazaar.kernel.listing.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give back the stock an order reserved, because the order ended before the seller took it. */
public record ReleaseStock(@TargetAggregateIdentifier ListingId listingId, OrderId orderId, int quantity) {

}
