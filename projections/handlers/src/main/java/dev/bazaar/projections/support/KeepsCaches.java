package dev.bazaar.projections.support;

/**
 * A projection that caches what it derives from its read model outside it (in Redis). When its tables are switched
 * for rebuilt ones, the caches may describe the old tables, so the rebuild drops them.
 */
public interface KeepsCaches {

    void dropCaches();

}
