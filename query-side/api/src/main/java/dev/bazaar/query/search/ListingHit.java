package dev.bazaar.query.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A published listing as search shows it; {@code priceMinor} is integer minor units of {@code currency}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListingHit(String listingId, String sellerId, String categoryId, String title, String description,
        long priceMinor, String currency, int quantity, List<String> imageUrls, String publishedAt) {

}
