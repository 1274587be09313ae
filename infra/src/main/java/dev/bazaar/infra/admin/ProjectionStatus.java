package dev.bazaar.infra.admin;

/**
 * Where a projection stands.
 *
 * @param segments   how many segments this instance is processing (0 on an instance that stands by)
 * @param position   the lowest position any of its segments has reached (from the shared token table)
 * @param head       the newest position in the event store
 * @param rebuilding true from a rebuild request until the projection passes the position the rebuild started at
 * @param progress   while rebuilding, the share of the positions up to the target it has replayed (0 to 1)
 */
public record ProjectionStatus(String name, boolean running, boolean error, int segments, long position, long head,
        long behind, boolean rebuilding, Long rebuildTarget, Double progress) {

}
