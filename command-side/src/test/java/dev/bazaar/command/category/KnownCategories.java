package dev.bazaar.command.category;

import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.CategoryId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A category directory held in memory, for aggregate tests that need categories to exist. */
public class KnownCategories implements CategoryDirectory {

    private final Map<CategoryId, Entry> entries = new HashMap<>();

    public KnownCategories with(CategoryId id, CategoryId parentId, boolean active,
            List<AttributeDefinition> attributes) {
        entries.put(id, new Entry(id, parentId, active, attributes));
        return this;
    }

    public KnownCategories active(CategoryId id, AttributeDefinition... attributes) {
        return with(id, null, true, List.of(attributes));
    }

    @Override
    public Optional<Entry> find(CategoryId categoryId) {
        return Optional.ofNullable(entries.get(categoryId));
    }

    @Override
    public Set<CategoryId> ancestorsOf(CategoryId categoryId) {
        Set<CategoryId> ancestors = new HashSet<>();
        Entry entry = entries.get(categoryId);
        while (entry != null && entry.parentId() != null && ancestors.add(entry.parentId())) {
            entry = entries.get(entry.parentId());
        }
        return ancestors;
    }

}
