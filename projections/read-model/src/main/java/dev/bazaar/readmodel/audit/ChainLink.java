package dev.bazaar.readmodel.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** digest(p) = SHA-256(digest(p - 1) || canonical bytes of p); before the first position, 32 zero bytes. */
public final class ChainLink {

    public static final byte[] GENESIS = new byte[32];

    private final MessageDigest sha256;

    public ChainLink() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Not thread-safe: one per thread or per run. */
    public byte[] next(byte[] previous, byte[] canonicalBytes) {
        sha256.update(previous);
        return sha256.digest(canonicalBytes);
    }

}
