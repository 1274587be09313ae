package dev.bazaar.readmodel;

import java.util.List;

/**
 * The event processors that build read models, one per read model. The query side names them to wait for
 * a position ({@code consistentWith}); operators name them to rebuild.
 */
public final class ProjectionNames {

    public static final String LISTING_READ_MODEL = "listing-read-model";

    public static final String CATEGORY_READ_MODEL = "category-read-model";

    public static final String LISTING_SEARCH = "listing-search";

    public static final String LISTING_CACHE = "listing-cache";

    public static final String USER_PROFILE = "user-profile";

    public static final String ORGANISATION_READ_MODEL = "organisation-read-model";

    public static final String ORDER_READ_MODEL = "order-read-model";

    public static final String LEDGER = "ledger";

    public static final List<String> ALL = List.of(LISTING_READ_MODEL, CATEGORY_READ_MODEL, LISTING_SEARCH,
            LISTING_CACHE, USER_PROFILE, ORGANISATION_READ_MODEL, ORDER_READ_MODEL, LEDGER);

    private ProjectionNames() {
    }

}
