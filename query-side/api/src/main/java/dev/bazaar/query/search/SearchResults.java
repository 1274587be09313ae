package dev.bazaar.query.search;

import java.util.List;

/** One page of search hits, best match first. */
public record SearchResults(List<ListingHit> items, int page, int size, long total) {

}
