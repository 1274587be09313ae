package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A buyer ordered quantity units of a listing at its price then; the payment is not yet authorised. */
@Revision("1")
public record OrderPlaced(OrderId orderId, ListingId listingId, UserId buyerId, UserId sellerId, int quantity,
        Money unitPrice, Money shipping, Money total, int commissionBasisPoints, String paymentMethod) {

}
