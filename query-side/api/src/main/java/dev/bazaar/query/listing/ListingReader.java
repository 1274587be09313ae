package dev.bazaar.query.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.readmodel.jooq.tables.records.ListingDetailRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.LISTING_DETAIL;

/** Reads listings from the PostgreSQL read model. */
@Component
class ListingReader {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> URLS = new TypeReference<>() {
    };

    private final DSLContext sql;

    private final ObjectMapper json;

    ListingReader(DSLContext sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<ListingView> find(UUID id) {
        return sql.selectFrom(LISTING_DETAIL)
                .where(LISTING_DETAIL.LISTING_ID.eq(id))
                .fetchOptional()
                .map(this::toView);
    }

    ListingPage page(UUID sellerId, UUID organisationId, UUID categoryId, String status, int page, int size) {
        List<Condition> conditions = new ArrayList<>();
        if (organisationId != null) {
            conditions.add(LISTING_DETAIL.ORGANISATION_ID.eq(organisationId));
        }
        if (sellerId != null) {
            conditions.add(LISTING_DETAIL.SELLER_ID.eq(sellerId));
        }
        if (categoryId != null) {
            conditions.add(LISTING_DETAIL.CATEGORY_ID.eq(categoryId));
        }
        if (status != null) {
            conditions.add(LISTING_DETAIL.STATUS.eq(status));
        }
        Condition where = DSL.and(conditions);
        List<ListingView> items = sql.selectFrom(LISTING_DETAIL)
                .where(where)
                .orderBy(LISTING_DETAIL.CREATED_AT.desc(), LISTING_DETAIL.LISTING_ID.desc())
                .limit(size)
                .offset((long) page * size)
                .fetch(this::toView);
        long total = sql.fetchCount(LISTING_DETAIL, where);
        return new ListingPage(items, page, size, total);
    }

    private ListingView toView(ListingDetailRecord row) {
        try {
            return new ListingView(row.getListingId(), row.getSellerId(), row.getOrganisationId(),
                    row.getCategoryId(), row.getTitle(),
                    row.getDescription(), Money.of(row.getPriceMinor(), row.getCurrency()), row.getQuantity(),
                    row.getStatus(), json.readValue(row.getAttributes().data(), ATTRIBUTES),
                    json.readValue(row.getImageUrls().data(), URLS), row.getVersion(),
                    row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("listing_detail holds JSON it cannot read back", e);
        }
    }

}
