package dev.bazaar.readmodel;

import java.util.UUID;

/**
 * The Redis keys of the read-model caches, shared by the projections that invalidate them and the queries that
 * fill them. Every key starts with a configurable prefix so that test runs and tenants never collide.
 */
public record CacheKeys(String prefix) {

    /** A cached listing detail (JSON), filled by queries. */
    public String listing(UUID listingId) {
        return prefix + "listing:" + listingId;
    }

    /**
     * The lowest listing version a query may still put in the cache: raised by each listing event, so a query that
     * read an older row before the event arrived cannot put it back after the invalidation.
     */
    public String listingFloor(UUID listingId) {
        return prefix + "listing-floor:" + listingId;
    }

    /** The cached category tree (JSON). */
    public String categoryTree() {
        return prefix + "categories:tree";
    }

    /** Bumped after every committed category change; a query caches the tree only if it did not move meanwhile. */
    public String categoryGeneration() {
        return prefix + "categories:generation";
    }

    /** A seller's order counts by status (JSON), for their dashboard; filled by queries. */
    public String sellerOrderCounts(UUID sellerId) {
        return prefix + "seller-orders:" + sellerId;
    }

    /** Every seller's cached counts, for a SCAN after a rebuild. */
    public String sellerOrderCountsPattern() {
        return prefix + "seller-orders:*";
    }

    /** Every seller's generation, for a SCAN after a rebuild. */
    public String sellerOrderGenerationPattern() {
        return prefix + "seller-orders-generation:*";
    }

    /** Bumped after every committed change to a seller's orders; counts are cached only if it did not move. */
    public String sellerOrderGeneration(UUID sellerId) {
        return prefix + "seller-orders-generation:" + sellerId;
    }

}
