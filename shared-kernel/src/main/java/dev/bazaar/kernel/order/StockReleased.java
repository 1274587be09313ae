package dev.bazaar.kernel.order;

import dev.bazaar.kernel.listing.ListingId;
import org.axonframework.serialization.Revision;

/** An order that ended before acceptance gave its units back; remaining are for sale again. */
@Revision("1")
public record StockReleased(ListingId listingId, OrderId orderId, int quantity, int remaining) {

}
