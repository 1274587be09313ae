package dev.bazaar.kernel.identity;

import dev.bazaar.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * Someone opened an account. {@code email}, {@code emailIndex}, {@code displayName} and {@code passwordHash} are
 * sealed under the user's own data key ({@link dev.bazaar.kernel.identity.PersonalDataVault}) and unreadable once
 * it is destroyed.
 */
@Revision("1")
public record UserRegistered(
        UserId userId,
        Role role,
        @PersonalData String email,
        @PersonalData String emailIndex,
        @PersonalData String displayName,
        @PersonalData(secret = true) String passwordHash) {

}
