package dev.bazaar.infra.audit;

import dev.bazaar.projections.audit.ChainVerifier;
import dev.bazaar.projections.audit.CheckpointKey;
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
        return AuditKeys.load(folder, signingKey, createMissing);
    }

    @Bean
    ChainVerifier chainVerifier(CheckpointKey key) {
        return new ChainVerifier(key);
    }

}
