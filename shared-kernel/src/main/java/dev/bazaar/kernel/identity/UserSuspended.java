package dev.bazaar.kernel.identity;

import org.axonframework.serialization.Revision;

/** An admin suspended the account; its tokens stopped working. */
@Revision("1")
public record UserSuspended(UserId userId, String reason) {

}
