package dev.bazaar.kernel.category;

import org.axonframework.serialization.Revision;

/** A category now sits under another parent (null: at the root). */
@Revision("1")
public record CategoryMoved(CategoryId categoryId, CategoryId parentId) {

}
