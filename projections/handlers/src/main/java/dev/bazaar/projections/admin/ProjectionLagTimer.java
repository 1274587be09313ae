package dev.bazaar.projections.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code bazaar_projection_lag_seconds{projection=...}}: for every event, the time from the event's creation (inside
 * the command) until the projection's transaction that applied it committed, i.e. until a query could see it.
 * Replays are left out: their lag is the age of history, not a delay.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionLagTimer {

    @Bean
    ConfigurerModule projectionLagTimers(MeterRegistry registry) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> lagOf(processorName, registry));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> lagOf(String processorName, MeterRegistry registry) {
        Timer timer = Timer.builder("bazaar.projection.lag")
                .description("Time from an event's creation until its projection committed it")
                .tag("projection", processorName)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            EventMessage<?> event = unitOfWork.getMessage();
            boolean replay = event instanceof TrackedEventMessage<?> tracked
                    && ReplayToken.isReplay(tracked.trackingToken());
            if (!replay) {
                Instant created = event.getTimestamp();
                unitOfWork.afterCommit(committed -> timer.record(Duration.between(created, Instant.now())));
            }
            return result;
        };
    }

}
