package dev.bazaar.app.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;

/**
 * Rotates the master keyset file, offline (docs/security.md has the whole runbook):
 * {@code rotate <folder>} adds a new key and makes it primary, keeping the old ones so that everything wrapped
 * under them still opens; {@code retire <folder>} removes every key but the primary, once every instance runs on
 * the rotated file and {@code POST /api/v1/admin/keys/rewrap} has re-wrapped all keys. The previous file is kept
 * beside it with the suffix {@code .previous}.
 */
public final class MasterKeyTool {

    private MasterKeyTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("rotate") || args[0].equals("retire"))) {
            System.err.println("usage: MasterKeyTool rotate|retire <key folder>");
            System.exit(2);
        }
        Path file = Path.of(args[1]).resolve(KeyMaterial.MASTER_FILE);
        KeysetHandle changed = args[0].equals("rotate") ? rotate(read(file)) : retire(read(file));
        write(file, changed);
        System.out.printf("%s: %d key(s), primary %d%n", file, changed.size(), changed.getPrimary().getId());
    }

    public static KeysetHandle rotate(KeysetHandle keyset) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
    }

    public static KeysetHandle retire(KeysetHandle keyset) throws GeneralSecurityException {
        var builder = KeysetHandle.newBuilder(keyset);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        return builder.build();
    }

    static KeysetHandle read(Path file) throws IOException, GeneralSecurityException {
        AeadConfig.register();
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
    }

    private static void write(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Files.copy(file, file.resolveSibling(file.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        KeyMaterial.writeOwnerOnly(next, TinkJsonProtoKeysetFormat.serializeKeyset(keyset,
                InsecureSecretKeyAccess.get()));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
