package dev.bazaar.app.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.PersonalDataVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Envelope encryption with Tink: each user has an AES-256-GCM keyset of their own, stored encrypted under the
 * master key in {@code user_data_key}. Values are bound to user and field through the associated data.
 * Keys are read from PostgreSQL on every use and never cached, so that a key destroyed by one instance stops
 * working in all of them at once.
 */
@Component
public class TinkPersonalDataVault implements PersonalDataVault {

    private static final String FORMAT = "v1.";

    private final JdbcTemplate jdbc;

    private final KeyMaterial keys;

    private final ErasureLog erasures;

    public TinkPersonalDataVault(JdbcTemplate jdbc, KeyMaterial keys, ErasureLog erasures) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.erasures = erasures;
    }

    @Override
    public void createKey(UserId subject) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.master(), context(subject));
            jdbc.update("INSERT INTO user_data_key (user_id, keyset) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
                    subject.value(), wrapped);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a data key", e);
        }
    }

    @Override
    public String seal(UserId subject, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        Aead aead = dataKey(subject).orElseThrow(() -> new IllegalStateException("No data key for " + subject));
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context(subject, field));
            return FORMAT + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal " + field, e);
        }
    }

    @Override
    public Optional<String> open(UserId subject, String field, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (!sealed.startsWith(FORMAT)) {
            throw new IllegalArgumentException("Not a sealed value of a known format");
        }
        return dataKey(subject).map(aead -> {
            try {
                byte[] plain = aead.decrypt(Base64.getUrlDecoder().decode(sealed.substring(FORMAT.length())),
                        context(subject, field));
                return new String(plain, StandardCharsets.UTF_8);
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("Sealed " + field + " of " + subject + " does not open: tampered?", e);
            }
        });
    }

    @Override
    public void shred(UserId subject) {
        erasures.record(subject);
        jdbc.update("DELETE FROM user_data_key WHERE user_id = ?", subject.value());
    }

    /** Re-encrypts every data key under the master keyset's current primary key; answers how many. */
    public int rewrapAll() {
        List<UUID> users = jdbc.queryForList("SELECT user_id FROM user_data_key", UUID.class);
        int rewrapped = 0;
        for (UUID user : users) {
            UserId subject = new UserId(user);
            Optional<byte[]> wrapped = wrapped(subject);
            if (wrapped.isEmpty()) {
                continue;
            }
            try {
                KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.get(), keys.master(),
                        context(subject));
                byte[] rewrappedKey = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.master(),
                        context(subject));
                rewrapped += jdbc.update("UPDATE user_data_key SET keyset = ? WHERE user_id = ?", rewrappedKey, user);
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("The data key of " + subject + " does not open with the master keyset",
                        e);
            }
        }
        return rewrapped;
    }

    private Optional<Aead> dataKey(UserId subject) {
        return wrapped(subject).map(wrapped -> {
            try {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.master(), context(subject))
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("The data key of " + subject + " does not open", e);
            }
        });
    }

    private Optional<byte[]> wrapped(UserId subject) {
        return jdbc.query("SELECT keyset FROM user_data_key WHERE user_id = ?", (rs, row) -> rs.getBytes(1),
                subject.value()).stream().findFirst();
    }

    private static byte[] context(UserId subject) {
        return ("user-data-key:" + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] context(UserId subject, String field) {
        return ("pii:" + subject + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

}
