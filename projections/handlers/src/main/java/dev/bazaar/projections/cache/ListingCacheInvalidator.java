package dev.bazaar.projections.cache;

import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.projections.support.WritesAtCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evicts cached listing details when a listing changes, and raises the listing's cache floor to the event's
 * version. Queries cache a row only if its version is at least the floor (an atomic check in Redis), so the order
 * in which this processor and the read-model processor run cannot leave a stale entry behind. Its own processor,
 * so a Redis outage delays invalidation (retried) without holding up the read model.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_CACHE)
@WritesAtCommit
class ListingCacheInvalidator {

    /** Raise the floor (never lower it) and drop the cached value. KEYS: floor, value. ARGV: version, ttl seconds. */
    private static final String RAISE_FLOOR = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
            if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
            redis.call('DEL', KEYS[2])
            return 1
            """;

    /** Floors outlive cached values (which expire sooner), so an expired floor can never admit a stale value. */
    private static final String FLOOR_TTL_SECONDS = "86400";

    private static final String BATCH = ListingCacheInvalidator.class.getName() + ".batch";

    private final UnifiedJedis redis;

    private final CacheKeys keys;

    ListingCacheInvalidator(UnifiedJedis redis, CacheKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @EventHandler
    void on(ListingDrafted event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingDetailsUpdated event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingPriceChanged event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingQuantityChanged event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingPublished event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingPaused event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingResumed event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    @EventHandler
    void on(ListingClosed event, DomainEventMessage<?> message) {
        invalidate(event.listingId().value(), message.getSequenceNumber());
    }

    /** Collects the batch's newest version per listing; one pipelined round trip to Redis before the batch commits. */
    private void invalidate(UUID listingId, long version) {
        var unitOfWork = CurrentUnitOfWork.get().root();
        Map<UUID, Long> newest = unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<UUID, Long> versions = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> raiseFloors(versions));
            return versions;
        });
        newest.merge(listingId, version, Math::max);
    }

    private void raiseFloors(Map<UUID, Long> versions) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            versions.forEach((listingId, version) -> pipeline.eval(RAISE_FLOOR,
                    List.of(keys.listingFloor(listingId), keys.listing(listingId)),
                    List.of(Long.toString(version), FLOOR_TTL_SECONDS)));
            pipeline.sync();
        }
    }

}
