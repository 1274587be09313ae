package dev.bazaar.app.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two secrets everything else hangs on, read from files in one folder (or environment variables):
 * the master keyset ({@code master-keyset.json}, a Tink AES-256-GCM keyset that encrypts every user's data key and
 * every signing key) and the email index key ({@code email-index.key}, base64). On a development machine missing
 * files are created; in production they are provisioned and {@code bazaar.privacy.create-missing-keys} is false.
 */
public final class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    static final String MASTER_FILE = "master-keyset.json";

    static final String INDEX_FILE = "email-index.key";

    private final Aead master;

    private final KeysetHandle masterKeyset;

    private final byte[] emailIndexKey;

    private KeyMaterial(KeysetHandle masterKeyset, byte[] emailIndexKey) throws GeneralSecurityException {
        this.masterKeyset = masterKeyset;
        this.master = masterKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.emailIndexKey = emailIndexKey;
    }

    public static KeyMaterial load(Path folder, String masterFromEnv, String indexFromEnv, boolean createMissing) {
        try {
            AeadConfig.register();
            String masterJson = masterFromEnv != null && !masterFromEnv.isBlank() ? masterFromEnv
                    : readOrCreate(folder.resolve(MASTER_FILE), createMissing, KeyMaterial::newMasterKeyset);
            String indexKey = indexFromEnv != null && !indexFromEnv.isBlank() ? indexFromEnv
                    : readOrCreate(folder.resolve(INDEX_FILE), createMissing, KeyMaterial::newIndexKey);
            return new KeyMaterial(TinkJsonProtoKeysetFormat.parseKeyset(masterJson, InsecureSecretKeyAccess.get()),
                    Base64.getDecoder().decode(indexKey.trim()));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset cannot be read", e);
        }
    }

    /** Encrypts with the keyset's primary key; decrypts with any key in it, which is what makes rotation work. */
    public Aead master() {
        return master;
    }

    public int primaryMasterKeyId() {
        return masterKeyset.getPrimary().getId();
    }

    public byte[] emailIndexKey() {
        return emailIndexKey.clone();
    }

    static String newMasterKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newIndexKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Creates the file (it must not exist) readable and writable by its owner only, then writes the secret. */
    static void writeOwnerOnly(Path file, String secret) throws IOException {
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), secret);
    }

    public interface Generator {
        String generate();
    }

    /** The key in {@code file}, created by {@code generator} when missing and allowed (a development machine). */
    public static String readOrCreate(Path file, boolean createMissing, Generator generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            if (!createMissing) {
                throw new IllegalStateException("Missing key file " + file
                        + " (set bazaar.privacy.create-missing-keys=true only on a development machine)");
            }
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, generator.generate());
            log.warn("Created a new key file {}: back it up, data sealed under it is lost without it", file);
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
