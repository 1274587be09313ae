package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.UserId;

/**
 * Keeps email addresses unique across all accounts, a rule no single aggregate can enforce. A claim is written in
 * the transaction that appends the registration, so of two concurrent registrations exactly one commits.
 */
public interface EmailClaims {

    /** Claims the address (by its keyed index) for the user, or throws {@link EmailTaken}. */
    void claim(String emailIndex, UserId userId);

    /** Frees the user's address, so that it may register again. */
    void release(UserId userId);

}
