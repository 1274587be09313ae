package dev.bazaar.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.listing.ListingClosed;
import dev.bazaar.kernel.listing.ListingDetailsUpdated;
import dev.bazaar.kernel.listing.ListingDrafted;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.ListingPaused;
import dev.bazaar.kernel.listing.ListingPriceChanged;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.listing.ListingQuantityChanged;
import dev.bazaar.kernel.listing.ListingResumed;
import dev.bazaar.projections.schema.ProjectionNames;
import dev.bazaar.projections.support.Json;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.bazaar.projections.schema.Tables.SEARCH_LISTING_SOURCE;

/**
 * Keeps the Elasticsearch index of published listings. Each event updates this projection's own copy of the
 * listing in PostgreSQL (same transaction as its token); once per batch, just before commit, the changed listings go
 * to Elasticsearch in one bulk request: whole documents, external version = aggregate sequence number, so a
 * redelivered batch changes nothing. Listings that are not published are deleted from the index.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_SEARCH)
class ListingSearchProjection {

    private static final String CHANGED = ListingSearchProjection.class.getName() + ".changed";

    private static final int CONFLICT = 409;

    private static final int NOT_FOUND = 404;

    private final DSLContext sql;

    private final ElasticsearchClient client;

    private final ListingSearchIndex index;

    private final ObjectMapper json = new ObjectMapper();

    ListingSearchProjection(DSLContext sql, ElasticsearchClient client, ListingSearchIndex index) {
        this.sql = sql;
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(ListingDrafted event, @SequenceNumber long version, @Timestamp Instant at) {
        var document = new ListingDocument(event.listingId().toString(), event.sellerId().toString(),
                event.categoryId().toString(), event.title(), event.description(), event.price().amountMinor(),
                event.price().currency(), event.quantity(), event.attributes(), event.imageUrls(), null, at.toString());
        save(event.listingId().value(), document, false, version);
    }

    @EventHandler
    void on(ListingDetailsUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, null, doc -> doc.withDetails(event.title(), event.description(),
                event.categoryId().toString(), event.attributes(), event.imageUrls(), at.toString()));
    }

    @EventHandler
    void on(ListingPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, null,
                doc -> doc.withPrice(event.price().amountMinor(), event.price().currency(), at.toString()));
    }

    @EventHandler
    void on(ListingQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, null, doc -> doc.withQuantity(event.quantity(), at.toString()));
    }

    @EventHandler
    void on(ListingPublished event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, true, doc -> doc.publishedAt(at.toString()));
    }

    @EventHandler
    void on(ListingResumed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), version, true, doc -> doc.publishedAt(at.toString()));
    }

    @EventHandler
    void on(ListingPaused event, @SequenceNumber long version) {
        change(event.listingId(), version, false, UnaryOperator.identity());
    }

    @EventHandler
    void on(ListingClosed event, @SequenceNumber long version) {
        change(event.listingId(), version, false, UnaryOperator.identity());
    }

    @ResetHandler
    void reset() {
        sql.truncate(SEARCH_LISTING_SOURCE).execute();
        index.drop();
    }

    /** @param published the new visibility, or null to keep it */
    private void change(ListingId listingId, long version, Boolean published, UnaryOperator<ListingDocument> change) {
        var row = sql.selectFrom(SEARCH_LISTING_SOURCE)
                .where(SEARCH_LISTING_SOURCE.LISTING_ID.eq(listingId.value()))
                .and(SEARCH_LISTING_SOURCE.VERSION.lt(version))
                .fetchOne();
        if (row == null) {
            return; // already applied
        }
        var document = change.apply(read(row.getDocument().data()));
        save(listingId.value(), document, published == null ? row.getPublished() : published, version);
    }

    private void save(UUID listingId, ListingDocument document, boolean published, long version) {
        sql.insertInto(SEARCH_LISTING_SOURCE)
                .set(SEARCH_LISTING_SOURCE.LISTING_ID, listingId)
                .set(SEARCH_LISTING_SOURCE.DOCUMENT, Json.of(document))
                .set(SEARCH_LISTING_SOURCE.PUBLISHED, published)
                .set(SEARCH_LISTING_SOURCE.VERSION, version)
                .onConflict(SEARCH_LISTING_SOURCE.LISTING_ID)
                .doUpdate()
                .set(SEARCH_LISTING_SOURCE.DOCUMENT, Json.of(document))
                .set(SEARCH_LISTING_SOURCE.PUBLISHED, published)
                .set(SEARCH_LISTING_SOURCE.VERSION, version)
                .where(SEARCH_LISTING_SOURCE.VERSION.lt(version))
                .execute();
        changedInThisBatch().add(listingId);
    }

    private Set<UUID> changedInThisBatch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(CHANGED, key -> {
            Set<UUID> changed = new LinkedHashSet<>();
            unitOfWork.onPrepareCommit(committing -> sendToIndex(changed));
            return changed;
        });
    }

    private void sendToIndex(Set<UUID> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        sql.selectFrom(SEARCH_LISTING_SOURCE)
                .where(SEARCH_LISTING_SOURCE.LISTING_ID.in(changed))
                .forEach(row -> operations.add(row.getPublished()
                        ? BulkOperation.of(op -> op.index(i -> i.index(index.name())
                                .id(row.getListingId().toString())
                                .version(row.getVersion())
                                .versionType(VersionType.External)
                                .document(read(row.getDocument().data()))))
                        : BulkOperation.of(op -> op.delete(d -> d.index(index.name())
                                .id(row.getListingId().toString())
                                .version(row.getVersion())
                                .versionType(VersionType.External)))));
        try {
            index.ensureExists();
            // wait_for: once the token commits, the change is visible to searches, so consistentWith holds for search too
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations).refresh(Refresh.WaitFor));
            for (BulkResponseItem item : response.items()) {
                // 409: a newer version is already there (redelivery); 404: deleting what was never indexed
                if (item.error() != null && item.status() != CONFLICT && item.status() != NOT_FOUND) {
                    throw new IllegalStateException("Elasticsearch refused listing " + item.id() + ": "
                            + item.error().type() + " " + item.error().reason());
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Elasticsearch is unreachable; the batch will be retried", e);
        }
    }

    private ListingDocument read(String document) {
        try {
            return json.readValue(document, ListingDocument.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("search_listing_source holds a document that is not a listing", e);
        }
    }

}
