package dev.bazaar.kernel.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a category under another parent, or to the root when parentId is null (admins only). */
public record MoveCategory(@TargetAggregateIdentifier CategoryId categoryId, CategoryId parentId) {

}
