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
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.bazaar.projections.schema.Tables.SEARCH_LISTING_SOURCE;

/**
 * Keeps the Elasticsearch index of published listings. The projection keeps its own copy of each listing in
 * PostgreSQL (same transaction as its token). Once per batch, just before commit, the changes of the batch are applied
 * to those copies and the changed listings go to Elasticsearch in one bulk request: whole documents, external
 * version = aggregate sequence number, so a redelivered batch changes nothing. Listings that are not published are
 * deleted from the index.
 */
@Component
@ProcessingGroup(ProjectionNames.LISTING_SEARCH)
class ListingSearchProjection {

    private static final String BATCH = ListingSearchProjection.class.getName() + ".batch";

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
        batch().change(event.listingId().value(), version, state -> new State(document, false));
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
        batch().change(listingId.value(), version, state -> state == null ? null
                : new State(change.apply(state.document()), published == null ? state.published() : published));
    }

    /** The listing as this projection remembers it. */
    private record State(ListingDocument document, boolean published) {

    }

    /** A stored listing with the version it reflects. */
    private record Versioned(State state, long version) {

    }

    /**
     * The changes of one batch of events, applied together just before the batch commits: one query to load the
     * listings they touch, one to store them, one bulk request to Elasticsearch. Per-event round trips made this
     * projection the slowest one under load.
     */
    private final class Batch {

        private final Map<UUID, List<Change>> changes = new LinkedHashMap<>();

        private record Change(long version, UnaryOperator<State> apply) {

        }

        void change(UUID listingId, long version, UnaryOperator<State> apply) {
            changes.computeIfAbsent(listingId, id -> new ArrayList<>()).add(new Change(version, apply));
        }

        void apply() {
            if (changes.isEmpty()) {
                return;
            }
            Map<UUID, Versioned> stored = new HashMap<>();
            sql.selectFrom(SEARCH_LISTING_SOURCE)
                    .where(SEARCH_LISTING_SOURCE.LISTING_ID.in(changes.keySet()))
                    .forEach(row -> stored.put(row.getListingId(), new Versioned(
                            new State(read(row.getDocument().data()), row.getPublished()), row.getVersion())));
            Map<UUID, Versioned> updated = new LinkedHashMap<>();
            changes.forEach((listingId, listingChanges) -> {
                Versioned current = stored.get(listingId);
                for (Change change : listingChanges) {
                    if (current != null && change.version() <= current.version()) {
                        continue; // already applied
                    }
                    State next = change.apply().apply(current == null ? null : current.state());
                    if (next != null) {
                        current = new Versioned(next, change.version());
                        updated.put(listingId, current);
                    }
                }
            });
            if (updated.isEmpty()) {
                return;
            }
            save(updated);
            sendToIndex(updated);
        }

        private void save(Map<UUID, Versioned> updated) {
            var insert = sql.insertInto(SEARCH_LISTING_SOURCE, SEARCH_LISTING_SOURCE.LISTING_ID,
                    SEARCH_LISTING_SOURCE.DOCUMENT, SEARCH_LISTING_SOURCE.PUBLISHED, SEARCH_LISTING_SOURCE.VERSION);
            for (var entry : updated.entrySet()) {
                insert = insert.values(entry.getKey(), Json.of(entry.getValue().state().document()),
                        entry.getValue().state().published(), entry.getValue().version());
            }
            insert.onConflict(SEARCH_LISTING_SOURCE.LISTING_ID)
                    .doUpdate()
                    .set(SEARCH_LISTING_SOURCE.DOCUMENT, DSL.excluded(SEARCH_LISTING_SOURCE.DOCUMENT))
                    .set(SEARCH_LISTING_SOURCE.PUBLISHED, DSL.excluded(SEARCH_LISTING_SOURCE.PUBLISHED))
                    .set(SEARCH_LISTING_SOURCE.VERSION, DSL.excluded(SEARCH_LISTING_SOURCE.VERSION))
                    .execute();
        }

        private void sendToIndex(Map<UUID, Versioned> updated) {
            List<BulkOperation> operations = new ArrayList<>();
            updated.forEach((listingId, listing) -> operations.add(listing.state().published()
                    ? BulkOperation.of(op -> op.index(i -> i.index(index.name())
                            .id(listingId.toString())
                            .version(listing.version())
                            .versionType(VersionType.External)
                            .document(listing.state().document())))
                    : BulkOperation.of(op -> op.delete(d -> d.index(index.name())
                            .id(listingId.toString())
                            .version(listing.version())
                            .versionType(VersionType.External)))));
            try {
                index.ensureExists();
                // refresh before the token commits, so consistentWith holds for search too; once per batch, so the
                // cost of a refresh is shared by every listing the batch touched (wait_for cost a refresh interval)
                BulkResponse response = client.bulk(bulk -> bulk.operations(operations).refresh(Refresh.True));
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

    }

    private Batch batch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.apply());
            return batch;
        });
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
