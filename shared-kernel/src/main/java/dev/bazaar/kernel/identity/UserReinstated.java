package dev.bazaar.kernel.identity;

import org.axonframework.serialization.Revision;

/** An admin lifted the account's suspension; it must log in again. */
@Revision("1")
public record UserReinstated(UserId userId) {

}
