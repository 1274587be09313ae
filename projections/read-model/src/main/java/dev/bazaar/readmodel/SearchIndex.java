package dev.bazaar.readmodel;

/**
 * The Elasticsearch index of published listings: its name and the fields queries may use.
 * Money is stored as long minor units (no floating point, and this Elasticsearch build has no scaled_float).
 */
public record SearchIndex(String name) {

    public static final String LISTING_ID = "listingId";

    public static final String TITLE = "title";

    public static final String DESCRIPTION = "description";

    public static final String CATEGORY_ID = "categoryId";

    public static final String SELLER_ID = "sellerId";

    public static final String PRICE_MINOR = "priceMinor";

    public static final String CURRENCY = "currency";

    public static final String PUBLISHED_AT = "publishedAt";

}
