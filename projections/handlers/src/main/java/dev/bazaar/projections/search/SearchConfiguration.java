package dev.bazaar.projections.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** The live search index is refreshed with each batch; a rebuild's twin is given {@code BEFORE_SWITCH}. */
    @Bean
    IndexRefresh searchIndexRefresh() {
        return IndexRefresh.EACH_BATCH;
    }

}
