package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the user's password (already hashed; the caller checked the old password or a reset token). */
public record ChangePassword(@TargetAggregateIdentifier UserId userId, String passwordHash) {

    @Override
    public String toString() {
        return "ChangePassword[" + userId + "]";
    }

}
