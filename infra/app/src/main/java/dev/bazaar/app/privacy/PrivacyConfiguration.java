package dev.bazaar.app.privacy;

import dev.bazaar.command.identity.EmailIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    KeyMaterial keyMaterial(@Value("${bazaar.privacy.key-dir}") Path folder,
            @Value("${bazaar.privacy.master-keyset:}") String masterKeyset,
            @Value("${bazaar.privacy.email-index-key:}") String emailIndexKey,
            @Value("${bazaar.privacy.create-missing-keys}") boolean createMissing) {
        return KeyMaterial.load(folder, masterKeyset, emailIndexKey, createMissing);
    }

    @Bean
    EmailIndex emailIndex(KeyMaterial keys) {
        return new EmailIndex(keys.emailIndexKey());
    }

}
