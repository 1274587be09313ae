package dev.bazaar.kernel.identity;

import org.axonframework.serialization.Revision;

/** The user proved they read mail at the address they registered with. */
@Revision("1")
public record EmailVerified(UserId userId) {

}
