package dev.bazaar.query.user;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows them. {@code email}, {@code emailVerified}, {@code phone} and {@code address} only reach
 * the user themself and staff; personal data whose key was destroyed reads {@code "[redacted]"} (an address, as a
 * whole).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserProfileView(UUID id, String role, String status, String displayName, String email,
        Boolean emailVerified, String phone, Object address, Instant registeredAt) {

    UserProfileView publicPart() {
        return new UserProfileView(id, role, status, displayName, null, null, null, null, registeredAt);
    }

}
