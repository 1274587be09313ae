package dev.bazaar.kernel.category;

import org.axonframework.serialization.Revision;

/** A category stopped accepting new listings. */
@Revision("1")
public record CategoryRetired(CategoryId categoryId) {

}
