package dev.bazaar.command.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A keyed hash (HMAC-SHA256) of a normalised email address: lets the system find and claim an address without
 * storing it in the clear. Without the key, an index cannot be checked against a guessed address.
 */
public final class EmailIndex {

    private final SecretKeySpec key;

    public EmailIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the email index key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalise(email).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

}
