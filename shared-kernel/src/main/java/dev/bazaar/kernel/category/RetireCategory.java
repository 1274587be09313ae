package dev.bazaar.kernel.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a category from taking new listings; existing listings keep it (admins only). */
public record RetireCategory(@TargetAggregateIdentifier CategoryId categoryId) {

}
