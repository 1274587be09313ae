package dev.bazaar.projections.order;

import dev.bazaar.readmodel.CacheKeys;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Invalidates sellers' cached dashboard counts once the order read model has committed: the sellers a batch touched
 * get their generation bumped and their counts deleted, once each per batch.
 */
@Component
class SellerOrderCounts {

    private static final Logger log = LoggerFactory.getLogger(SellerOrderCounts.class);

    private static final String TOUCHED = "seller-order-counts-touched";

    private final UnifiedJedis redis;

    private final CacheKeys keys;

    SellerOrderCounts(UnifiedJedis redis, CacheKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    void invalidateAfterCommit(UUID sellerId) {
        var root = CurrentUnitOfWork.get().root();
        Set<UUID> touched = root.getOrComputeResource(TOUCHED, name -> {
            Set<UUID> sellers = new HashSet<>();
            root.afterCommit(unitOfWork -> sellers.forEach(this::invalidate));
            return sellers;
        });
        touched.add(sellerId);
    }

    /**
     * After a reset every cached count is stale: bump every seller's generation (so a count being built now is not
     * stored) and drop every cached count.
     */
    void invalidateAll() {
        try {
            forEachKey(keys.sellerOrderGenerationPattern(), redis::incr);
            forEachKey(keys.sellerOrderCountsPattern(), redis::del);
        }
        catch (RuntimeException e) {
            log.warn("Could not drop the cached dashboard counts after a reset; they expire by their TTL: {}",
                    e.toString());
        }
    }

    private void forEachKey(String pattern, java.util.function.Consumer<String> action) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(500);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            page.getResult().forEach(action);
            cursor = page.getCursor();
        }
        while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private void invalidate(UUID sellerId) {
        try {
            redis.incr(keys.sellerOrderGeneration(sellerId));
            redis.del(keys.sellerOrderCounts(sellerId));
        }
        catch (RuntimeException e) {
            // the read model is committed; the cached counts expire by their TTL if Redis missed this
            log.warn("Could not invalidate the dashboard counts of seller {}: {}", sellerId, e.toString());
        }
    }

}
