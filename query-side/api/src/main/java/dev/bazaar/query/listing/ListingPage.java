package dev.bazaar.query.listing;

import java.util.List;

/** One page of listings, newest first. */
public record ListingPage(List<ListingView> items, int page, int size, long total) {

}
