package dev.bazaar.kernel.identity;

import org.axonframework.serialization.Revision;

/** The user's data key was destroyed: their sealed personal data reads as redacted everywhere, forever. */
@Revision("1")
public record UserForgotten(UserId userId) {

}
