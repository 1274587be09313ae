package dev.bazaar.projections.search;

/**
 * When the search projection makes what it indexed searchable. The live index is refreshed with every batch, before
 * the token commits, so a committed position is a searchable one; an index rebuilt beside it is read by nobody until it
 * is switched in, so it is refreshed once, just before ({@link SearchIndexSwitch#switchTo}), and its replay does not
 * pay a refresh (a new segment) per batch.
 */
public enum IndexRefresh {

    EACH_BATCH,

    BEFORE_SWITCH;

}
