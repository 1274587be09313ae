package dev.bazaar.kernel.identity;

import dev.bazaar.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The user set their phone number and postal address. {@code phone} and {@code address} (the address as JSON) are
 * sealed under the user's data key; null means none.
 */
@Revision("1")
public record ContactDetailsChanged(UserId userId, @PersonalData String phone, @PersonalData String address) {

}
