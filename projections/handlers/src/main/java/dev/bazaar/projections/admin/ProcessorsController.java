package dev.bazaar.projections.admin;

import dev.bazaar.eventstore.rows.StoredEvents;
import dev.bazaar.readmodel.audit.AuditChain;
import dev.bazaar.readmodel.position.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every event processor of this instance, streaming or subscribing, and the audit chain: where each stands, how far
 * behind the head it is (in events and in seconds: the age of the oldest event it has not processed), its segments
 * the error any of them is stuck on, and how many events wait in its dead-letter queue ({@link DeadLettersController}).
 * Projections can also be rebuilt: {@code /api/v1/admin/projections}.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
class ProcessorsController {

    private final EventProcessingConfiguration processing;

    private final ProjectionPositions positions;

    private final AuditChain chain;

    private final StoredEvents store;

    ProcessorsController(EventProcessingConfiguration processing, ProjectionPositions positions, AuditChain chain,
            StoredEvents store) {
        this.processing = processing;
        this.positions = positions;
        this.chain = chain;
        this.store = store;
    }

    record Segment(int id, boolean caughtUp, boolean replaying, Long position, String error) {
    }

    record Processor(String name, String kind, boolean running, boolean error, long position, long head,
            long behind, double lagSeconds, List<Segment> segments, long deadLetters) {
    }

    @GetMapping
    List<Processor> processors() {
        long head = store.head();
        List<Processor> all = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                long position = positions.lowestPosition(name);
                List<Segment> segments = streaming.processingStatus().values().stream()
                        .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                        .map(ProcessorsController::segment).toList();
                boolean error = streaming.isError() || segments.stream().anyMatch(s -> s.error() != null);
                long deadLetters = processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
                all.add(new Processor(name, "streaming", streaming.isRunning(), error, position, head,
                        Math.max(0, head - position), lagSeconds(position), segments, deadLetters));
            } else {
                // subscribing: handles each event in the transaction that stores it, so it is never behind
                all.add(new Processor(name, "subscribing", processor.isRunning(), processor.isError(), head, head, 0,
                        0, List.of(), 0));
            }
        });
        long chained = chain.head().position();
        all.add(new Processor("audit-chain", "audit chain", true, false, chained, head, Math.max(0, head - chained),
                lagSeconds(chained), List.of(), 0));
        all.sort(Comparator.comparing(Processor::name));
        return all;
    }

    private static Segment segment(EventTrackerStatus status) {
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        String error = status.getError() == null ? null : status.getError().toString();
        return new Segment(status.getSegment().getSegmentId(), status.isCaughtUp(), status.isReplaying(), position,
                error);
    }

    /** Seconds since the oldest event after the position was stored; 0 when there is none. */
    private double lagSeconds(long position) {
        return store.storedAtAfter(position)
                .map(storedAt -> Math.max(0, Duration.between(storedAt, Instant.now()).toMillis() / 1000.0))
                .orElse(0.0);
    }

}
