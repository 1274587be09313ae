package dev.bazaar.audit.chain;

import dev.bazaar.readmodel.audit.CheckpointKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifier of the chain, with the installation's checkpoint key. */
@Configuration(proxyBeanMethods = false)
class AuditChainConfiguration {

    @Bean
    ChainVerifier chainVerifier(CheckpointKey key) {
        return new ChainVerifier(key);
    }

}
