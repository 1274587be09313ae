package dev.bazaar.kernel.identity;

import org.axonframework.serialization.Revision;

/**
 * Someone opened an account. {@code email}, {@code emailIndex}, {@code displayName} and {@code passwordHash} are
 * sealed under the user's own data key ({@link dev.bazaar.kernel.privacy.PersonalDataVault}) and unreadable once
 * it is destroyed.
 */
@Revision("1")
public record UserRegistered(
        UserId userId,
        Role role,
        String email,
        String emailIndex,
        String displayName,
        String passwordHash) {

}
