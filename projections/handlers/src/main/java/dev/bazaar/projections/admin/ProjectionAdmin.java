package dev.bazaar.projections.admin;

import dev.bazaar.projections.rebuild.RebuildBeside;
import dev.bazaar.projections.rebuild.RebuildRun;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status and rebuild of the projections. A projection with tables of its own is rebuilt beside the live one and
 * switched in ({@link RebuildBeside}). The listing cache, which keeps nothing but invalidations, is rebuilt in place:
 * the processor stops, its tokens are reset and it replays the whole event store.
 */
@Component
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;

    private final EventStore eventStore;

    private final ProjectionPositions positions;

    private final RebuildBeside beside;

    private final Map<String, Long> rebuildTargets = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, ProjectionPositions positions,
            RebuildBeside beside) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.positions = positions;
        this.beside = beside;
    }

    public List<ProjectionStatus> all() {
        return ProjectionNames.ALL.stream().map(this::status).toList();
    }

    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = head();
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = positions.lowestPosition(name);
        boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        Optional<RebuildRun> run = beside.latest(name);
        if (run.isPresent()) {
            RebuildRun rebuild = run.get();
            return new ProjectionStatus(name, processor.isRunning(), error, segments.size(), position, head,
                    Math.max(0, head - position), rebuild.active(), rebuild.active() ? rebuild.target() : null,
                    rebuild.active() ? rebuild.progress() : null, rebuild.phase().name().toLowerCase(Locale.ROOT),
                    rebuild.error());
        }
        Long target = rebuildTargets.get(name);
        if (target != null && position >= target) {
            rebuildTargets.remove(name, target);
            target = null;
        }
        Double progress = target == null ? null : Math.max(0, Math.min(1, (double) position / Math.max(1, target)));
        return new ProjectionStatus(name, processor.isRunning(), error, segments.size(), position, head,
                Math.max(0, head - position), target != null, target, progress, target == null ? null : "in-place",
                null);
    }

    public ProjectionStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (beside.supports(name)) {
            beside.start(name, processor, head());
            return status(name);
        }
        rebuildTargets.put(name, head());
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    private StreamingEventProcessor processor(String name) {
        if (!ProjectionNames.ALL.contains(name)) {
            throw new NotFound("projection", name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", name));
    }

    private long head() {
        return positionOf(eventStore.createHeadToken());
    }


    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

}
