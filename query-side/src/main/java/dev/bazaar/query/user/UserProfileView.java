package dev.bazaar.query.user;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows them. {@code email} and {@code emailVerified} only reach the user themself and staff;
 * personal data whose key was destroyed reads {@code "[redacted]"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserProfileView(UUID id, String role, String status, String displayName, String email,
        Boolean emailVerified, Instant registeredAt) {

    UserProfileView publicPart() {
        return new UserProfileView(id, role, status, displayName, null, null, registeredAt);
    }

}
