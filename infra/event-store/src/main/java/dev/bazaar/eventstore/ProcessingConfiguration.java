package dev.bazaar.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every event processor handles a failing handler, in every role: here rather than with the projections, since
 * the command role runs a processor of its own (the order's payment process) and no projection. Without it that
 * processor fell back to Axon's default there, and a lost race on a cached order was logged and its event skipped.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * A handler that fails rolls back its batch (rows and token together) and the processor retries with back-off.
     * Axon's default would log, skip the event and commit the token: a silent hole in a read model, or a payment
     * never captured.
     */
    @Bean
    ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

}
