package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the user's phone number and postal address (either may be null to clear it); plaintext until sealed. */
public record ChangeContactDetails(@TargetAggregateIdentifier UserId userId, String phone, PostalAddress address) {

    @Override
    public String toString() {
        return "ChangeContactDetails[" + userId + "]";
    }

}
