package dev.bazaar.readmodel;

import dev.bazaar.readmodel.audit.AuditChainProperties;
import dev.bazaar.readmodel.position.ConsistencyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The names of the read models that live outside PostgreSQL, and the read model's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CacheProperties.class, SearchProperties.class, AuditChainProperties.class,
    ConsistencyProperties.class})
class ReadModelConfiguration {

    @Bean
    CacheKeys cacheKeys(CacheProperties cache) {
        return new CacheKeys(cache.prefix());
    }

    @Bean
    SearchIndex searchIndex(SearchProperties search) {
        return new SearchIndex(search.index());
    }

}
