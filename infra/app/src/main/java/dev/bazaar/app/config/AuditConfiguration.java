package dev.bazaar.app.config;

import dev.bazaar.readmodel.audit.AuditKeys;
import dev.bazaar.app.privacy.KeyMaterial;
import dev.bazaar.audit.chain.ChainVerifier;
import dev.bazaar.readmodel.audit.CheckpointKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CheckpointKey checkpointKey(@Value("${bazaar.privacy.key-dir}") Path folder,
            @Value("${bazaar.audit.signing-key:}") String signingKey,
            @Value("${bazaar.privacy.create-missing-keys}") boolean createMissing) {
        return AuditKeys.fromPkcs8(signingKey != null && !signingKey.isBlank() ? signingKey
                : KeyMaterial.readOrCreate(folder.resolve(AuditKeys.FILE), createMissing, AuditKeys::newSigningKey));
    }

    @Bean
    ChainVerifier chainVerifier(CheckpointKey key) {
        return new ChainVerifier(key);
    }

}
