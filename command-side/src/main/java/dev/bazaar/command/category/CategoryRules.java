package dev.bazaar.command.category;

import dev.bazaar.command.common.InvalidRequest;
import dev.bazaar.kernel.problem.Violation;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.AttributeType;
import dev.bazaar.kernel.category.CategoryId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The rules a category's shape must follow. */
final class CategoryRules {

    static final int MAX_NAME_LENGTH = 80;

    static final int MAX_ATTRIBUTES = 50;

    private CategoryRules() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > MAX_NAME_LENGTH) {
            throw new InvalidRequest(List.of(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH + " characters")));
        }
    }

    static void requireAttributes(List<AttributeDefinition> attributes) {
        List<Violation> violations = new ArrayList<>();
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(new Violation("attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
        }
        var names = new HashSet<String>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDefinition attribute = attributes.get(i);
            if (attribute.name().isBlank() || !names.add(attribute.name())) {
                violations.add(new Violation("attributes[" + i + "].name", "must be present and unique"));
            }
            if (attribute.type() == AttributeType.CHOICE && attribute.choices().isEmpty()) {
                violations.add(new Violation("attributes[" + i + "].choices", "a CHOICE attribute needs choices"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    static void requireActiveParent(CategoryId parentId, CategoryDirectory directory) {
        if (directory.find(parentId).filter(CategoryDirectory.Entry::active).isEmpty()) {
            throw new CategoryUnavailable(parentId);
        }
    }

}
