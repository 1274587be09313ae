package dev.bazaar.kernel.order;

import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A buyer orders quantity units of a listing. Goes to the listing, which reserves the stock and opens the order in
 * the same unit of work, so the last item is sold once however many buyers ask at the same time.
 *
 * @param shipping      what the buyer pays for delivery, or null when there is none
 * @param paymentMethod the provider's payment method id the buyer pays with (e.g. {@code pm_card_visa})
 */
public record PlaceOrder(@TargetAggregateIdentifier ListingId listingId, OrderId orderId, int quantity, Money shipping,
        String paymentMethod) {

}
