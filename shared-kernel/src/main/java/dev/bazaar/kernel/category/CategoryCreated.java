package dev.bazaar.kernel.category;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A category was added to the catalogue tree. */
@Revision("1")
public record CategoryCreated(
        CategoryId categoryId,
        String name,
        CategoryId parentId,
        List<AttributeDefinition> attributes) {

}
