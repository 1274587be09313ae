package dev.bazaar.infra.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every event processor runs and none of its segments is stuck in error (retrying a failing batch). */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean inError = processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                inError |= streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
            }
            boolean ok = processor.isRunning() && !inError;
            healthy &= ok;
            details.put(processor.getName(), ok ? "running" : inError ? "error" : "stopped");
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }

}
