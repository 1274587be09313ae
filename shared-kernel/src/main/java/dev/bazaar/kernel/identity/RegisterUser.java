package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open an account. The password arrives already hashed, so no plain-text password ever enters the message bus;
 * {@code emailIndex} is the keyed hash under which the email is claimed system-wide.
 */
public record RegisterUser(
        @TargetAggregateIdentifier UserId userId,
        Role role,
        String email,
        String emailIndex,
        String displayName,
        String passwordHash) {

    @Override
    public String toString() {
        return "RegisterUser[" + userId + ", " + role + "]";
    }

}
