package dev.bazaar.kernel.category;

import java.util.List;
import java.util.Objects;

/**
 * One attribute that listings of a category may or must carry, e.g. {@code size} (CHOICE of S, M, L) for shirts.
 *
 * @param choices the allowed values when {@code type} is CHOICE, otherwise empty
 */
public record AttributeDefinition(String name, AttributeType type, boolean required, List<String> choices) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

}
