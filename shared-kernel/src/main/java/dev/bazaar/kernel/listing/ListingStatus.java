package dev.bazaar.kernel.listing;

/** Where a listing is in its life. Only PUBLISHED listings are visible to buyers and searchable. */
public enum ListingStatus {

    DRAFT, PUBLISHED, PAUSED, CLOSED

}
