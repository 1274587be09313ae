package dev.bazaar.kernel.listing;

import java.util.List;
import java.util.Map;
import dev.bazaar.kernel.category.CategoryId;

import org.axonframework.serialization.Revision;

/** A listing's title, description, category, attributes or images changed. */
@Revision("1")
public record ListingDetailsUpdated(
        ListingId listingId,
        String title,
        String description,
        CategoryId categoryId,
        Map<String, Object> attributes,
        List<String> imageUrls) {

}
