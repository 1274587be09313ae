package dev.bazaar.projections.support;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How every projection processes events. */
@Configuration(proxyBeanMethods = false)
class ProjectionsConfiguration {

    /**
     * A handler that fails rolls back its batch (read-model rows and token together) and the processor retries
     * with back-off. Axon's default would log, skip the event and commit the token: a silent hole in a read model.
     */
    @Bean
    ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

}
