package dev.bazaar.app.security;

import dev.bazaar.app.privacy.KeyMaterial;
import dev.bazaar.app.privacy.TinkPersonalDataVault;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step two of a master key rotation (docs/security.md): once every instance runs with the rotated keyset,
 * re-wrap every data key and signing key under its new primary key, so that the old one can be retired.
 */
@RestController
class KeyAdminController {

    private final TinkPersonalDataVault vault;

    private final SigningKeys signingKeys;

    private final KeyMaterial keys;

    KeyAdminController(TinkPersonalDataVault vault, SigningKeys signingKeys, KeyMaterial keys) {
        this.vault = vault;
        this.signingKeys = signingKeys;
        this.keys = keys;
    }

    /** How many keys were re-wrapped, and under which master key. */
    record Rewrapped(int dataKeys, int signingKeys, long primaryMasterKeyId) {
    }

    @PostMapping("/api/v1/admin/keys/rewrap")
    Rewrapped rewrap() {
        return new Rewrapped(vault.rewrapAll(), signingKeys.rewrapAll(),
                Integer.toUnsignedLong(keys.primaryMasterKeyId()));
    }

}
