package dev.bazaar.kernel.listing;

import java.util.List;
import java.util.Map;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.organisation.OrganisationId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a draft listing for the acting seller, optionally owned by an organisation they are a member of. */
public record CreateListing(
        @TargetAggregateIdentifier ListingId listingId,
        String title,
        String description,
        CategoryId categoryId,
        Money price,
        int quantity,
        Map<String, Object> attributes,
        List<String> imageUrls,
        OrganisationId organisationId) {

    /** A listing of the seller's own, outside any organisation. */
    public CreateListing(ListingId listingId, String title, String description, CategoryId categoryId, Money price,
            int quantity, Map<String, Object> attributes, List<String> imageUrls) {
        this(listingId, title, description, categoryId, price, quantity, attributes, imageUrls, null);
    }

}
