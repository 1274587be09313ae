package dev.bazaar.kernel.listing;

import java.util.List;
import java.util.Map;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;

import org.axonframework.serialization.Revision;

/** A seller created a listing as a draft; buyers cannot see it yet. */
@Revision("1")
public record ListingDrafted(
        ListingId listingId,
        UserId sellerId,
        String title,
        String description,
        CategoryId categoryId,
        Money price,
        int quantity,
        Map<String, Object> attributes,
        List<String> imageUrls) {

}
