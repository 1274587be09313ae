package dev.bazaar.app.it;

import dev.bazaar.app.privacy.ErasureLog;
import dev.bazaar.app.privacy.KeyMaterial;
import dev.bazaar.app.privacy.MasterKeyTool;
import dev.bazaar.app.privacy.TinkPersonalDataVault;
import dev.bazaar.kernel.identity.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master key rotation runbook of docs/security.md, step by step, against the real user_data_key table: data
 * sealed before the rotation still opens after it, and after re-wrapping, even once the old master key is gone.
 * It rotates a copy of this run's key folder and rolls the re-wrapping back, so the running application keeps
 * opening what it sealed.
 */
class MasterKeyRotationIT extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void data_sealed_before_a_master_key_rotation_opens_after_the_old_key_is_retired(@TempDir Path keys,
            @TempDir Path elsewhere) throws Exception {
        copyThisRunsKeys(keys);
        var rollback = new TransactionTemplate(transactions);
        rollback.executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            try {
                var before = vault(keys, false);
                UserId user = UserId.random();
                before.createKey(user);
                String sealed = before.seal(user, "email", "ada@example.com");

                MasterKeyTool.main(new String[] {"rotate", keys.toString()});
                var rotated = vault(keys, false);
                assertThat(rotated.open(user, "email", sealed)).as("old wrapping opens with the rotated keyset")
                        .contains("ada@example.com");
                assertThat(rotated.rewrapAll()).isGreaterThanOrEqualTo(1);

                MasterKeyTool.main(new String[] {"retire", keys.toString()});
                var retired = vault(keys, false);
                assertThat(retired.open(user, "email", sealed)).as("re-wrapped under the new key")
                        .contains("ada@example.com");

                // while a data key wrapped under a master key it does not hold stays shut
                var stranger = UserId.random();
                vault(elsewhere, true).createKey(stranger);
                assertThatThrownBy(() -> retired.open(stranger, "email", sealed))
                        .isInstanceOf(IllegalStateException.class);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void an_admin_rewraps_every_key_through_the_api() {
        aSeller();
        var rewrapped = admin.post("/api/v1/admin/keys/rewrap");
        assertThat(rewrapped.status()).as(rewrapped.toString()).isEqualTo(200);
        assertThat(rewrapped.json().get("dataKeys").asInt()).isPositive();
        assertThat(rewrapped.json().get("signingKeys").asInt()).isPositive();
        assertThat(aSeller().get("/api/v1/users/me").status()).as("everything still opens").isEqualTo(200);
    }

    private static void copyThisRunsKeys(Path copy) {
        Path original = Path.of(System.getenv("BAZAAR_KEY_DIR"));
        try {
            for (String file : new String[] {"master-keyset.json", "email-index.key"}) {
                Files.copy(original.resolve(file), copy.resolve(file));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TinkPersonalDataVault vault(java.nio.file.Path keys, boolean createMissing) {
        return new TinkPersonalDataVault(jdbc, KeyMaterial.load(keys, null, null, createMissing),
                new ErasureLog(keys.resolve("erasures.log")));
    }

}
