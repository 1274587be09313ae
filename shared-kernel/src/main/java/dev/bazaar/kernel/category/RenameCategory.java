package dev.bazaar.kernel.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a category a new display name (admins only). */
public record RenameCategory(@TargetAggregateIdentifier CategoryId categoryId, String name) {

}
