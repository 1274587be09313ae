package dev.bazaar.kernel.order;

import dev.bazaar.kernel.listing.ListingId;
import org.axonframework.serialization.Revision;

/** An order took quantity units of the listing; remaining are still for sale. */
@Revision("1")
public record StockReserved(ListingId listingId, OrderId orderId, int quantity, int remaining) {

}
