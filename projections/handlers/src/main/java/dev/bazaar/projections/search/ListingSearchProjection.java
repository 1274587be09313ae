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
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.jooq.tables.records.SearchListingSourceRecord;
import dev.bazaar.projections.support.BatchedRows;
import dev.bazaar.projections.support.Json;
import dev.bazaar.projections.support.WritesAtCommit;
import dev.bazaar.projections.deadletter.StoreUnavailable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.bazaar.readmodel.jooq.Tables.SEARCH_LISTING_SOURCE;

/**
 * Keeps the Elasticsearch index of published listings. The projection keeps its own copy of each listing in
 * PostgreSQL (same transaction as its token), written once per batch ({@link BatchedRows}); right after, still before
 * the batch commits, the listings the batch changed go to Elasticsearch in one bulk request: whole documents, external
 * version = aggregate sequence number, so a redelivered batch changes nothing. Listings that are not published are
 * deleted from the index.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_SEARCH)
@WritesAtCommit
class ListingSearchProjection {

    private static final int CONFLICT = 409;

    private static final int NOT_FOUND = 404;

    private final DSLContext sql;

    private final ElasticsearchClient client;

    private final ListingSearchIndex index;

    private final Refresh refresh;

    private final BatchedRows<SearchListingSourceRecord> rows;

    private final ObjectMapper json = new ObjectMapper();

    ListingSearchProjection(DSLContext sql, ElasticsearchClient client, ListingSearchIndex index,
            IndexRefresh refresh) {
        this.sql = sql;
        this.client = client;
        this.index = index;
        this.refresh = refresh == IndexRefresh.EACH_BATCH ? Refresh.True : Refresh.False;
        this.rows = new BatchedRows<>(sql, SEARCH_LISTING_SOURCE, SEARCH_LISTING_SOURCE.LISTING_ID,
                SEARCH_LISTING_SOURCE.VERSION, this::sendToIndex);
    }

    @EventHandler
    void on(ListingDrafted event, @SequenceNumber long version, @Timestamp Instant at) {
        var document = new ListingDocument(event.listingId().toString(), event.sellerId().toString(),
                event.categoryId().toString(), event.title(), event.description(), event.price().amountMinor(),
                event.price().currency(), event.quantity(), event.attributes(), event.imageUrls(), null, at.toString());
        rows.create(event.listingId().value(), version, () -> {
            var row = sql.newRecord(SEARCH_LISTING_SOURCE);
            row.setListingId(event.listingId().value());
            row.setDocument(Json.of(document));
            row.setPublished(false);
            return row;
        });
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
        rows.change(listingId.value(), version, row -> {
            row.setDocument(Json.of(change.apply(read(row.getDocument().data()))));
            if (published != null) {
                row.setPublished(published);
            }
        });
    }

    private void sendToIndex(List<SearchListingSourceRecord> changed) {
        List<BulkOperation> operations = changed.stream().map(row -> row.getPublished()
                ? BulkOperation.of(op -> op.index(i -> i.index(index.name())
                        .id(row.getListingId().toString())
                        .version(row.getVersion())
                        .versionType(VersionType.External)
                        .document(read(row.getDocument().data()))))
                : BulkOperation.of(op -> op.delete(d -> d.index(index.name())
                        .id(row.getListingId().toString())
                        .version(row.getVersion())
                        .versionType(VersionType.External)))).toList();
        try {
            index.ensureExists();
            // the index has no refresh schedule: the projection refreshes once per batch, before the token commits, so
            // a committed position is a searchable one (consistentWith holds for search) and a refresh's cost is
            // shared by every listing in the batch; an index rebuilt beside the live one is refreshed before its switch
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations).refresh(refresh));
            for (BulkResponseItem item : response.items()) {
                // 409: a newer version is already there (redelivery); 404: deleting what was never indexed
                if (item.error() != null && item.status() != CONFLICT && item.status() != NOT_FOUND) {
                    throw new IllegalStateException("Elasticsearch refused listing " + item.id() + ": "
                            + item.error().type() + " " + item.error().reason());
                }
            }
        }
        catch (IOException e) {
            throw new StoreUnavailable("Elasticsearch is unreachable; the batch will be retried", e);
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
