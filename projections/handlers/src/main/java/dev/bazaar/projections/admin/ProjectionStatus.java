package dev.bazaar.projections.admin;

/**
 * Where a projection stands.
 *
 * @param segments   how many segments this instance is processing (0 on an instance that stands by)
 * @param position   the lowest position any of its segments has reached (from the shared token table)
 * @param head       the newest position in the event store
 * @param rebuilding    true from a rebuild request until the rebuilt read model serves (switched in, or, for a
 *                      rebuild in place, past the position the rebuild started at)
 * @param rebuildTarget while rebuilding, the store's newest position when the rebuild started
 * @param progress      while rebuilding, the share of the positions up to the target replayed (0 to 1)
 * @param rebuildPhase  the latest rebuild's phase on this instance: replaying, indexing, switching, done, failed
 *                      (beside the live one), or in-place; null if none
 * @param rebuildError  why the latest rebuild failed, or null
 */
public record ProjectionStatus(String name, boolean running, boolean error, int segments, long position, long head,
        long behind, boolean rebuilding, Long rebuildTarget, Double progress, String rebuildPhase,
        String rebuildError) {

}
