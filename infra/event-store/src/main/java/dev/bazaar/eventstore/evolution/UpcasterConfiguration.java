package dev.bazaar.eventstore.evolution;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon registers every {@link EventUpcaster} bean with the event store: ours go in as one chain, in order. */
@Configuration(proxyBeanMethods = false)
class UpcasterConfiguration {

    @Bean
    EventUpcaster bazaarUpcasters() {
        return new EventUpcasterChain(Upcasters.ALL);
    }

}
