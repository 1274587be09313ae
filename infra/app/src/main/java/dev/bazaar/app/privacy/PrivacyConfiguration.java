package dev.bazaar.app.privacy;

import dev.bazaar.command.identity.EmailIndex;
import dev.bazaar.readmodel.audit.AuditChainProperties;
import dev.bazaar.readmodel.audit.AuditKeys;
import dev.bazaar.readmodel.audit.CheckpointKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The installation's keys: the master keyset and email index key, and the audit chain's signing key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    KeyMaterial keyMaterial(PrivacyProperties privacy) {
        return KeyMaterial.load(privacy.keyDir(), privacy.masterKeyset(), privacy.emailIndexKey(),
                privacy.createMissingKeys());
    }

    @Bean
    ErasureLog erasureLog(PrivacyProperties privacy) {
        return new ErasureLog(privacy.erasureLogFile());
    }

    @Bean
    EmailIndex emailIndex(KeyMaterial keys) {
        return new EmailIndex(keys.emailIndexKey());
    }

    /** From {@code bazaar.audit.signing-key}, or the key file in the key folder (created on a development machine). */
    @Bean
    CheckpointKey checkpointKey(PrivacyProperties privacy, AuditChainProperties audit) {
        String configured = audit.signingKey();
        return AuditKeys.fromPkcs8(!configured.isBlank() ? configured : KeyMaterial.readOrCreate(
                privacy.keyDir().resolve(AuditKeys.FILE), privacy.createMissingKeys(), AuditKeys::newSigningKey));
    }

}
