package dev.bazaar.command.category;

import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.CategoryId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the command side knows about categories when it decides about something else (a listing's category,
 * a category's new parent). Kept current in the same transaction as the category events.
 */
public interface CategoryDirectory {

    Optional<Entry> find(CategoryId categoryId);

    /** Every category above this one, up to the root. */
    Set<CategoryId> ancestorsOf(CategoryId categoryId);

    record Entry(CategoryId categoryId, CategoryId parentId, boolean active, List<AttributeDefinition> attributes) {

    }

}
