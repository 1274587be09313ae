package dev.bazaar.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters for the command bus only: {@code commandBus_*{payloadType=...}}, the latency and outcome of every
 * command type. Axon's own auto-configuration (switched off in application.yml) also puts five monitors on every event
 * processor for every event, handled or ignored: with nine processors that was about 9 % of the backend's CPU under
 * the order benchmark. Projections report their lag through their own meters instead
 * ({@code bazaar_projection_lag_*}, in projections' admin).
 */
@Configuration(proxyBeanMethods = false)
class CommandBusMetrics {

    @Bean
    ConfigurerModule commandBusMeters(MeterRegistry registry) {
        var metrics = new GlobalMetricRegistry(registry);
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                configuration -> commandMonitor(metrics));
    }

    @SuppressWarnings("unchecked") // the command bus only hands it command messages
    private static MessageMonitor<Message<?>> commandMonitor(GlobalMetricRegistry metrics) {
        return (MessageMonitor<Message<?>>) metrics.registerCommandBus("commandBus",
                TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
    }

}
