package dev.bazaar.kernel.identity;

import dev.bazaar.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The user's password was replaced; every session they had ends. {@code passwordHash} is sealed. */
@Revision("1")
public record PasswordChanged(UserId userId, @PersonalData(secret = true) String passwordHash) {

}
