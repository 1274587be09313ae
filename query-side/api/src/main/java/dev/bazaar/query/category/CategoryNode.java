package dev.bazaar.query.category;

import dev.bazaar.kernel.category.AttributeDefinition;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A category with its listing counts per status and its subcategories. */
public record CategoryNode(UUID id, String name, UUID parentId, boolean active, List<AttributeDefinition> attributes,
        Map<String, Long> listings, List<CategoryNode> children) {

}
