package dev.bazaar.projections.listing;

import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingAssignedToOrganisation;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.kernel.listing.ListingStatus;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.jooq.tables.records.ListingDetailRecord;
import dev.bazaar.projections.support.BatchedRows;
import dev.bazaar.projections.support.Json;
import dev.bazaar.projections.support.WritesAtCommit;
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
import java.util.function.Consumer;

import static dev.bazaar.readmodel.jooq.Tables.LISTING_DETAIL;

/**
 * Listing detail rows. Runs in the processor's transaction together with its token, so each event is applied exactly
 * once; a batch's events are applied to the rows they touch in memory and written back with one upsert
 * ({@link BatchedRows}), and the version guard makes a replayed event a no-op all the same.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_READ_MODEL)
@WritesAtCommit
class ListingReadModelProjection {

    private final BatchedRows<ListingDetailRecord> rows;

    private final DSLContext sql;

    ListingReadModelProjection(DSLContext sql) {
        this.sql = sql;
        this.rows = new BatchedRows<>(sql, LISTING_DETAIL, LISTING_DETAIL.LISTING_ID, LISTING_DETAIL.VERSION);
    }

    @EventHandler
    void on(ListingDrafted event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.create(event.listingId().value(), version, () -> {
            var row = sql.newRecord(LISTING_DETAIL);
            row.setListingId(event.listingId().value());
            row.setSellerId(event.sellerId().value());
            row.setCategoryId(event.categoryId().value());
            row.setTitle(event.title());
            row.setDescription(event.description());
            row.setPriceMinor(event.price().amountMinor());
            row.setCurrency(event.price().currency());
            row.setQuantity(event.quantity());
            row.setStatus(ListingStatus.DRAFT.name());
            row.setAttributes(Json.of(event.attributes()));
            row.setImageUrls(Json.of(event.imageUrls()));
            row.setCreatedAt(utc(at));
            row.setUpdatedAt(utc(at));
            return row;
        });
    }

    @EventHandler
    void on(ListingDetailsUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> {
            row.setTitle(event.title());
            row.setDescription(event.description());
            row.setCategoryId(event.categoryId().value());
            row.setAttributes(Json.of(event.attributes()));
            row.setImageUrls(Json.of(event.imageUrls()));
        });
    }

    @EventHandler
    void on(ListingPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> {
            row.setPriceMinor(event.price().amountMinor());
            row.setCurrency(event.price().currency());
        });
    }

    @EventHandler
    void on(ListingQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setQuantity(event.quantity()));
    }

    @EventHandler
    void on(ListingAssignedToOrganisation event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setOrganisationId(event.organisationId().value()));
    }

    @EventHandler
    void on(ListingPublished event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setStatus(ListingStatus.PUBLISHED.name()));
    }

    @EventHandler
    void on(ListingPaused event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setStatus(ListingStatus.PAUSED.name()));
    }

    @EventHandler
    void on(ListingResumed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setStatus(ListingStatus.PUBLISHED.name()));
    }

    @EventHandler
    void on(ListingClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, at, row -> row.setStatus(ListingStatus.CLOSED.name()));
    }

    @ResetHandler
    void reset() {
        sql.truncate(LISTING_DETAIL).execute();
    }

    private void change(ListingId listingId, long version, Instant at, Consumer<ListingDetailRecord> change) {
        rows.change(listingId.value(), version, row -> {
            change.accept(row);
            row.setUpdatedAt(utc(at));
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
