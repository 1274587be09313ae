package dev.bazaar.readmodel.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs checkpoints of the chain. Its id is the first 16 hex digits of the SHA-256 of the public
 * key, so a checkpoint names the key that signed it and an auditor can check it with the published public key alone.
 * The private key may be absent (a verifier only needs the public one).
 */
public final class CheckpointKey {

    private final PrivateKey privateKey;

    private final PublicKey publicKey;

    private final String id;

    public CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = idOf(publicKey);
    }

    public static String idOf(PublicKey publicKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is signed: a fixed label, the position and the digest in hex, one per line. */
    public static byte[] signedBytes(long position, byte[] digest) {
        return ("bazaar-audit-checkpoint\n" + position + "\n" + HexFormat.of().formatHex(digest) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] sign(long position, byte[] digest) {
        if (privateKey == null) {
            throw new IllegalStateException("This process holds only the public checkpoint key");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signedBytes(position, digest));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing a checkpoint failed", e);
        }
    }

    public boolean verifies(long position, byte[] digest, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(signedBytes(position, digest));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String id() {
        return id;
    }

}
