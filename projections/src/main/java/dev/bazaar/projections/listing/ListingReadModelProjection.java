package dev.bazaar.projections.listing;

import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.kernel.listing.ListingStatus;
import dev.bazaar.projections.schema.ProjectionNames;
import dev.bazaar.projections.support.Json;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.bazaar.projections.schema.Tables.LISTING_DETAIL;

/**
 * Listing detail rows. Runs in the processor's transaction together with its token, so
 * each event is applied exactly once; the version guard makes a replayed event a no-op all the same.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_READ_MODEL)
class ListingReadModelProjection {

    private final DSLContext sql;

    ListingReadModelProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(ListingDrafted event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.insertInto(LISTING_DETAIL)
                .set(LISTING_DETAIL.LISTING_ID, event.listingId().value())
                .set(LISTING_DETAIL.SELLER_ID, event.sellerId().value())
                .set(LISTING_DETAIL.CATEGORY_ID, event.categoryId().value())
                .set(LISTING_DETAIL.TITLE, event.title())
                .set(LISTING_DETAIL.DESCRIPTION, event.description())
                .set(LISTING_DETAIL.PRICE_MINOR, event.price().amountMinor())
                .set(LISTING_DETAIL.CURRENCY, event.price().currency())
                .set(LISTING_DETAIL.QUANTITY, event.quantity())
                .set(LISTING_DETAIL.STATUS, ListingStatus.DRAFT.name())
                .set(LISTING_DETAIL.ATTRIBUTES, Json.of(event.attributes()))
                .set(LISTING_DETAIL.IMAGE_URLS, Json.of(event.imageUrls()))
                .set(LISTING_DETAIL.VERSION, version)
                .set(LISTING_DETAIL.CREATED_AT, utc(at))
                .set(LISTING_DETAIL.UPDATED_AT, utc(at))
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ListingDetailsUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.update(LISTING_DETAIL)
                .set(LISTING_DETAIL.TITLE, event.title())
                .set(LISTING_DETAIL.DESCRIPTION, event.description())
                .set(LISTING_DETAIL.CATEGORY_ID, event.categoryId().value())
                .set(LISTING_DETAIL.ATTRIBUTES, Json.of(event.attributes()))
                .set(LISTING_DETAIL.IMAGE_URLS, Json.of(event.imageUrls()))
                .set(LISTING_DETAIL.VERSION, version)
                .set(LISTING_DETAIL.UPDATED_AT, utc(at))
                .where(LISTING_DETAIL.LISTING_ID.eq(event.listingId().value()))
                .and(LISTING_DETAIL.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(ListingPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.update(LISTING_DETAIL)
                .set(LISTING_DETAIL.PRICE_MINOR, event.price().amountMinor())
                .set(LISTING_DETAIL.CURRENCY, event.price().currency())
                .set(LISTING_DETAIL.VERSION, version)
                .set(LISTING_DETAIL.UPDATED_AT, utc(at))
                .where(LISTING_DETAIL.LISTING_ID.eq(event.listingId().value()))
                .and(LISTING_DETAIL.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(ListingQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.update(LISTING_DETAIL)
                .set(LISTING_DETAIL.QUANTITY, event.quantity())
                .set(LISTING_DETAIL.VERSION, version)
                .set(LISTING_DETAIL.UPDATED_AT, utc(at))
                .where(LISTING_DETAIL.LISTING_ID.eq(event.listingId().value()))
                .and(LISTING_DETAIL.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(ListingPublished event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.PUBLISHED, version, at);
    }

    @EventHandler
    void on(ListingPaused event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.PAUSED, version, at);
    }

    @EventHandler
    void on(ListingResumed event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.PUBLISHED, version, at);
    }

    @EventHandler
    void on(ListingClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.CLOSED, version, at);
    }

    @ResetHandler
    void reset() {
        sql.truncate(LISTING_DETAIL).execute();
    }

    private void changeStatus(ListingId listingId, ListingStatus status, long version, Instant at) {
        sql.update(LISTING_DETAIL)
                .set(LISTING_DETAIL.STATUS, status.name())
                .set(LISTING_DETAIL.VERSION, version)
                .set(LISTING_DETAIL.UPDATED_AT, utc(at))
                .where(LISTING_DETAIL.LISTING_ID.eq(listingId.value()))
                .and(LISTING_DETAIL.VERSION.lt(version))
                .execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
