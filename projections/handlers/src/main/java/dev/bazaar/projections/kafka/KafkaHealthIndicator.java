package dev.bazaar.projections.kafka;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;

/**
 * The publisher runs and is not retrying a batch the broker refused. Left out of readiness: while Kafka is away the
 * instance still serves everything else, and the publisher catches up on its own.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    private final KafkaProperties kafka;

    KafkaHealthIndicator(EventProcessingConfiguration processing, KafkaProperties kafka) {
        this.processing = processing;
        this.kafka = kafka;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var processor = processing.eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class);
        builder.withDetail("topic", kafka.topic()).withDetail("bootstrapServers", kafka.bootstrapServers());
        if (processor.isEmpty() || !processor.get().isRunning()) {
            builder.down().withDetail("publisher", "stopped");
            return;
        }
        Map<Integer, EventTrackerStatus> segments = processor.get().processingStatus();
        var failing = segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst();
        if (failing.isPresent()) {
            builder.down().withDetail("publisher", "retrying")
                    .withDetail("error", String.valueOf(failing.get().getError()));
            return;
        }
        long published = segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
        builder.up().withDetail("publisher", segments.isEmpty() ? "running elsewhere" : "running")
                .withDetail("publishedThrough", published);
    }

}
