package dev.bazaar.query.listing;

import dev.bazaar.kernel.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A listing as buyers and sellers read it. {@code version} is the aggregate version the view reflects;
 * {@code organisationId} is set when the listing belongs to the seller's organisation.
 */
public record ListingView(UUID id, UUID sellerId, UUID organisationId, UUID categoryId, String title,
        String description, Money price, int quantity, String status, Map<String, Object> attributes,
        List<String> imageUrls, long version, Instant createdAt, Instant updatedAt) {

}
