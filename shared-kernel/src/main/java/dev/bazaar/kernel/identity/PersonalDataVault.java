package dev.bazaar.kernel.identity;


import java.util.Optional;

/**
 * Encrypts a person's data under a key of their own, so that destroying that key (crypto-shredding) makes every
 * copy unreadable, in the event store and in every read model, without rewriting history.
 * <p>
 * A sealed value is bound to its subject and field: a ciphertext copied into another user's or another field's
 * place does not open.
 */
public interface PersonalDataVault {

    /** What a read model shows in place of data whose key was destroyed. */
    String REDACTED = "[redacted]";

    /** Creates the subject's data key, unless it exists; joins the caller's transaction. */
    void createKey(UserId subject);

    String seal(UserId subject, String field, String plaintext);

    /** The plaintext, or empty when the subject's key was destroyed. */
    Optional<String> open(UserId subject, String field, String sealed);

    /** Destroys the subject's data key; joins the caller's transaction. */
    void shred(UserId subject);

}
