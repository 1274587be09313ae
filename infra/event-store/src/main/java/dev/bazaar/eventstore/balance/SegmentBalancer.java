package dev.bazaar.eventstore.balance;

import dev.bazaar.eventstore.TokenOwner;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Splits the segments of tracking processors between the instances that run them. Axon's tracking processors claim
 * every segment they have a thread for: the first projector to start would hold them all, and a second would only
 * wait for it to die. So every instance beats in processor_instance with the names of the processors it runs; those
 * running the same ones count each other, and each lets go, for a while, of the segments it holds beyond its fair
 * share ({@link StreamingEventProcessor#releaseSegment}), so that an idle thread of another claims them through the
 * token store. When an instance dies its beat stops and its claims expire; the others' share grows and they claim
 * what it held. Shares are rounded up, so they cover every segment: none is left unclaimed for want of a taker.
 */
@Component
@EnableConfigurationProperties(BalanceProperties.class)
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;

    private final JdbcTemplate jdbc;

    private final TokenOwner owner;

    private final BalanceProperties properties;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, TokenOwner owner,
            BalanceProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.owner = owner;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${bazaar.processors.balance.interval:PT5S}",
            initialDelayString = "${bazaar.processors.balance.interval:PT5S}")
    void balance() {
        Map<String, StreamingEventProcessor> processors = trackingProcessors();
        if (!properties.enabled() || processors.isEmpty()) {
            return;
        }
        String group = String.join(",", processors.keySet());
        jdbc.update("INSERT INTO processor_instance (owner, processors, seen_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (owner) DO UPDATE SET processors = excluded.processors, seen_at = now()",
                owner.name(), group);
        Integer live = jdbc.queryForObject("SELECT count(*) FROM processor_instance WHERE processors = ? "
                + "AND seen_at > now() - ?::interval", Integer.class, group, properties.deadAfter().toMillis() + " ms");
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ANY (?)",
                Integer.class, (Object) processors.keySet().toArray(String[]::new));
        var share = new FairShare(segments == null ? 0 : segments, live == null ? 1 : live);
        for (var segment : share.toRelease(held(processors))) {
            log.info("Releasing segment {} of {}: {} instances share {} segments, {} each", segment.segment(),
                    segment.processor(), live, segments, share.perInstance());
            processors.get(segment.processor()).releaseSegment(segment.segment(),
                    properties.interval().toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }

    /** An instance stopping leaves at once, so the others' share grows without waiting for its beat to age. */
    @PreDestroy
    void leave() {
        if (properties.enabled()) {
            jdbc.update("DELETE FROM processor_instance WHERE owner = ?", owner.name());
        }
    }

    /** This instance's running tracking processors by name, sorted (the group's key). */
    private Map<String, StreamingEventProcessor> trackingProcessors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                processors.put(streaming.getName(), streaming);
            }
        });
        return processors;
    }

    private static List<FairShare.HeldSegment> held(Map<String, StreamingEventProcessor> processors) {
        List<FairShare.HeldSegment> held = new ArrayList<>();
        processors.forEach((name, processor) -> processor.processingStatus().keySet()
                .forEach(segment -> held.add(new FairShare.HeldSegment(name, segment))));
        return held;
    }

}
