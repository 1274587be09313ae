package dev.bazaar.readmodel;

import org.jooq.Table;

import java.util.List;
import java.util.Map;

import static dev.bazaar.readmodel.jooq.Tables.CATEGORY_VIEW;
import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ENTRY;
import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ORDER;
import static dev.bazaar.readmodel.jooq.Tables.LISTING_DETAIL;
import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;
import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_MEMBER_VIEW;
import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_VIEW;
import static dev.bazaar.readmodel.jooq.Tables.SEARCH_LISTING_SOURCE;
import static dev.bazaar.readmodel.jooq.Tables.USER_PROFILE;

/**
 * The PostgreSQL tables each projection owns: a rebuild builds these beside the live ones and switches them in. A
 * projection without tables here (the listing cache keeps nothing of its own) is rebuilt in place.
 */
public final class ProjectionTables {

    private static final Map<String, List<Table<?>>> TABLES = Map.of(
            ProjectionNames.LISTING_READ_MODEL, List.of(LISTING_DETAIL),
            ProjectionNames.CATEGORY_READ_MODEL, List.of(CATEGORY_VIEW),
            ProjectionNames.LISTING_SEARCH, List.of(SEARCH_LISTING_SOURCE),
            ProjectionNames.USER_PROFILE, List.of(USER_PROFILE),
            ProjectionNames.ORGANISATION_READ_MODEL, List.of(ORGANISATION_VIEW, ORGANISATION_MEMBER_VIEW),
            ProjectionNames.ORDER_READ_MODEL, List.of(ORDER_SUMMARY),
            ProjectionNames.LEDGER, List.of(LEDGER_ENTRY, LEDGER_ORDER));

    private ProjectionTables() {
    }

    /** The projection's tables, or none. */
    public static List<Table<?>> of(String projection) {
        return TABLES.getOrDefault(projection, List.of());
    }

}
