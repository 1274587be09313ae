package dev.bazaar.kernel.listing;

import java.util.List;
import java.util.Map;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.money.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a draft listing for the acting seller. */
public record CreateListing(
        @TargetAggregateIdentifier ListingId listingId,
        String title,
        String description,
        CategoryId categoryId,
        Money price,
        int quantity,
        Map<String, Object> attributes,
        List<String> imageUrls) {

}
