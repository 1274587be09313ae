package dev.bazaar.projections.admin;

import dev.bazaar.projections.kafka.KafkaEventPublisher;
import dev.bazaar.projections.rebuild.RebuildBeside;
import dev.bazaar.projections.rebuild.RebuildRun;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event processor runs and none of its segments is stuck in error (retrying a failing batch). A processor paused
 * for the switch of a rebuild beside it (about a second) is healthy: its read model serves all along. The Kafka
 * publisher has a health of its own ({@code kafka}), outside readiness: no read model waits for it.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    private final RebuildBeside rebuilds;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, RebuildBeside rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor.getName().equals(KafkaEventPublisher.PROCESSOR)) {
                continue;
            }
            boolean inError = processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                inError |= streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
            }
            boolean switching = !processor.isRunning() && rebuilds.latest(processor.getName())
                    .filter(run -> run.phase() == RebuildRun.Phase.SWITCHING).isPresent();
            boolean ok = (processor.isRunning() || switching) && !inError;
            healthy &= ok;
            details.put(processor.getName(), switching ? "switching" : ok ? "running" : inError ? "error" : "stopped");
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }

}
