package dev.bazaar.readmodel.audit;

import com.google.crypto.tink.subtle.Ed25519Sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The encodings of the checkpoint signing key: an Ed25519 private key, PKCS#8, base64, from
 * {@code bazaar.audit.signing-key} (BAZAAR_AUDIT_SIGNING_KEY) or the file {@value #FILE} in the key folder (created
 * on a development machine). The public key is derived from it, and published at {@code GET /api/v1/audit/chain}.
 */
public final class AuditKeys {

    /** The key file's name in the installation's key folder. */
    public static final String FILE = "audit-signing.key";

    /** DER prefixes of an Ed25519 key: PKCS#8 before the 32-byte seed, X.509 before the 32-byte public key. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private AuditKeys() {
    }

    /** The signing key from its PKCS#8 base64 form (the key file's contents, or BAZAAR_AUDIT_SIGNING_KEY). */
    public static CheckpointKey fromPkcs8(String encoded) {
        byte[] pkcs8 = Base64.getDecoder().decode(encoded.trim());
        try {
            var keys = KeyFactory.getInstance("Ed25519");
            var privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
            byte[] publicBytes = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
            return new CheckpointKey(privateKey, publicKey(publicBytes));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key is not an Ed25519 PKCS#8 key", e);
        }
    }

    /** A public key from its X.509 base64 form, as {@code GET /api/v1/audit/chain} publishes it. */
    public static PublicKey publicKeyFromX509(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64.trim())));
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** A new signing key, PKCS#8 base64: what a development machine writes to its key file on first start. */
    public static String newSigningKey() {
        try {
            byte[] seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
            byte[] der = new byte[PKCS8_PREFIX.length + seed.length];
            System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
            System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, seed.length);
            return Base64.getEncoder().encodeToString(der);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
