package dev.bazaar.kernel.listing;

import java.util.List;
import java.util.Map;
import dev.bazaar.kernel.category.CategoryId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a listing's descriptive details: title, description, category, attributes and images. */
public record UpdateListingDetails(
        @TargetAggregateIdentifier ListingId listingId,
        String title,
        String description,
        CategoryId categoryId,
        Map<String, Object> attributes,
        List<String> imageUrls) {

}
