package dev.bazaar.kernel.category;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a category, at the root or under an active parent (admins only). */
public record CreateCategory(
        @TargetAggregateIdentifier CategoryId categoryId,
        String name,
        CategoryId parentId,
        List<AttributeDefinition> attributes) {

}
