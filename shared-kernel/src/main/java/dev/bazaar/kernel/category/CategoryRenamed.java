package dev.bazaar.kernel.category;

import org.axonframework.serialization.Revision;

/** A category got a new display name. */
@Revision("1")
public record CategoryRenamed(CategoryId categoryId, String name) {

}
