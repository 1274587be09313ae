package dev.bazaar.projections.search;

import java.util.List;
import java.util.Map;

/** One listing as the search projection remembers it and as Elasticsearch stores it (when published). */
record ListingDocument(String listingId, String sellerId, String categoryId, String title, String description,
        long priceMinor, String currency, int quantity, Map<String, Object> attributes, List<String> imageUrls,
        String publishedAt, String updatedAt) {

    ListingDocument withDetails(String newTitle, String newDescription, String newCategoryId,
            Map<String, Object> newAttributes, List<String> newImageUrls, String at) {
        return new ListingDocument(listingId, sellerId, newCategoryId, newTitle, newDescription, priceMinor, currency,
                quantity, newAttributes, newImageUrls, publishedAt, at);
    }

    ListingDocument withPrice(long newPriceMinor, String newCurrency, String at) {
        return new ListingDocument(listingId, sellerId, categoryId, title, description, newPriceMinor, newCurrency,
                quantity, attributes, imageUrls, publishedAt, at);
    }

    ListingDocument withQuantity(int newQuantity, String at) {
        return new ListingDocument(listingId, sellerId, categoryId, title, description, priceMinor, currency,
                newQuantity, attributes, imageUrls, publishedAt, at);
    }

    ListingDocument publishedAt(String at) {
        return new ListingDocument(listingId, sellerId, categoryId, title, description, priceMinor, currency,
                quantity, attributes, imageUrls, publishedAt == null ? at : publishedAt, at);
    }

}
