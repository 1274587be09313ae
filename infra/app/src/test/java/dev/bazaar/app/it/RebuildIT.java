package dev.bazaar.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.bazaar.readmodel.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection rebuilt from the event store ends exactly where the live one was, and it is rebuilt beside the live one:
 * readers never see an empty or half-built read model, and commands written meanwhile are not lost.
 */
class RebuildIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndex index;

    @Autowired
    DataSource dataSource;

    @Test
    void rebuilding_the_read_model_and_the_search_index_gives_the_same_answers() throws Exception {
        var seller = aSeller();
        var sellerId = seller.userId();
        var category = aCategory("Rebuilt");
        String word = "okapi" + UUID.randomUUID().toString().substring(0, 6);
        long last = 0;
        for (int i = 0; i < 6; i++) {
            var created = seller.post("/api/v1/listings", aListing(category, "Lamp " + word + " " + i, 1000 + i));
            var id = created.id();
            last = Math.max(last, created.position());
            if (i % 2 == 0) {
                last = Math.max(last, seller.post("/api/v1/listings/" + id + "/publish").position());
            }
            if (i == 4) {
                last = Math.max(last, seller.post("/api/v1/listings/" + id + "/price",
                        Map.of("price", Map.of("amountMinor", 777, "currency", "EUR"))).position());
            }
        }
        String listings = "/api/v1/listings?seller=" + sellerId + "&consistentWith=" + last;
        String search = "/api/v1/search/listings?q=" + word + "&category=" + category + "&consistentWith=" + last;
        String before = anonymous.get(listings).body();
        String searchBefore = anonymous.get(search).body();
        String countsBefore = anonymous.get("/api/v1/listings?category=" + category + "&status=PUBLISHED").body();
        assertThat(anonymous.get(search).json().get("total").asLong()).isEqualTo(3);

        // damage both read models, so that equal answers afterwards prove a rebuild rather than a no-op
        var damaged = anonymous.get(search).json().get("items").get(0).get("listingId").asText();
        jdbc.update("DELETE FROM listing_detail WHERE seller_id = ?", sellerId);
        elasticsearch.delete(delete -> delete.index(index.name()).id(damaged).refresh(Refresh.True));
        assertThat(anonymous.get(listings).json().get("total").asLong()).isZero();
        assertThat(anonymous.get(search).json().get("total").asLong()).isEqualTo(2);

        rebuild("listing-read-model");
        rebuild("listing-search");

        assertThat(anonymous.get(listings).body()).isEqualTo(before);
        assertThat(anonymous.get(search).body()).isEqualTo(searchBefore);
        assertThat(anonymous.get("/api/v1/listings?category=" + category + "&status=PUBLISHED").body())
                .isEqualTo(countsBefore);
    }

    @Test
    void a_rebuild_beside_serves_the_old_read_model_until_the_new_one_switches_in() throws Exception {
        var seller = aSeller();
        var category = aCategory("Beside");
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = Math.max(last, seller.post("/api/v1/listings", aListing(category, "Vase " + i, 500 + i)).position());
        }
        String listings = "/api/v1/listings?seller=" + seller.userId();
        assertThat(anonymous.get(listings + "&consistentWith=" + last).json().get("total").asLong()).isEqualTo(3);
        List<String> indexes = indexesOf("listing_detail");

        // a buyer (3,000 requests a minute) reads the seller's listings every 10 ms while the rebuild runs
        var buyer = aUser("buyer");
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        var reader = Executors.newSingleThreadExecutor();
        Future<?> reads = reader.submit(() -> {
            while (reading.get()) {
                var page = buyer.get(listings);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                seen.add(page.json().get("total").asLong());
                Thread.sleep(10);
            }
            return null;
        });
        try {
            var started = admin.post("/api/v1/admin/projections/listing-read-model/rebuild");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("rebuildPhase").asText()).isIn("replaying", "indexing", "switching", "done");
            var during = seller.post("/api/v1/listings", aListing(category, "Vase written during the rebuild", 999));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                var status = admin.get("/api/v1/admin/projections/listing-read-model").json();
                assertThat(status.get("rebuildPhase").asText()).as(status.toString()).isEqualTo("done");
                assertThat(status.get("rebuilding").asBoolean()).isFalse();
            });
            assertThat(anonymous.get(listings + "&consistentWith=" + during.position()).json().get("total").asLong())
                    .as("the listing written while the rebuild ran").isEqualTo(4);
        }
        finally {
            reading.set(false);
            reads.get(10, TimeUnit.SECONDS);
            reader.shutdown();
        }
        assertThat(seen).as("reads while the rebuild ran").isNotEmpty().allMatch(total -> total >= 3);
        assertThat(indexesOf("listing_detail")).as("keys and indexes under their migrations' names")
                .isEqualTo(indexes);
        assertThat(jdbc.queryForObject("SELECT to_regclass('listing_detail_next') IS NULL", Boolean.class))
                .as("no twin left behind").isTrue();
    }

    @Test
    void a_search_index_rebuilt_beside_is_switched_in_under_the_live_name_as_an_alias() throws Exception {
        rebuild("listing-search");

        var aliases = elasticsearch.indices().getAlias(request -> request.name(index.name())).result();
        assertThat(aliases).as("one index behind the alias %s", index.name()).hasSize(1);
        assertThat(aliases.keySet().iterator().next()).startsWith(index.name() + "-");

        rebuild("listing-search");
        var again = elasticsearch.indices().getAlias(request -> request.name(index.name())).result();
        assertThat(again).as("the previous index was deleted by the switch").hasSize(1)
                .doesNotContainKeys(aliases.keySet().toArray(String[]::new));
    }

    @Test
    void a_reader_holding_the_live_table_fails_the_switch_and_the_live_read_model_stays() throws Exception {
        var seller = aSeller();
        long last = seller.post("/api/v1/listings", aListing(aCategory("Held"), "Held vase", 700)).position();
        String listings = "/api/v1/listings?seller=" + seller.userId() + "&consistentWith=" + last;
        String before = anonymous.get(listings).body();

        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement lock = reader.createStatement()) {
                lock.execute("LOCK TABLE listing_detail IN ACCESS SHARE MODE");
            }
            var started = admin.post("/api/v1/admin/projections/listing-read-model/rebuild");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            var second = admin.post("/api/v1/admin/processors/listing-read-model/rebuild");
            assertThat(second.status()).as("a second rebuild while the first cannot switch: " + second).isEqualTo(409);
            assertThat(second.header("Content-Type")).contains("application/problem+json");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                var status = admin.get("/api/v1/admin/projections/listing-read-model").json();
                assertThat(status.get("rebuildPhase").asText()).as(status.toString()).isEqualTo("failed");
                assertThat(status.get("rebuilding").asBoolean()).isFalse();
                assertThat(status.get("rebuildError").asText()).contains("stayed locked by readers");
            });
            reader.rollback();
        }
        assertThat(anonymous.get(listings).body()).as("the live read model, untouched").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT to_regclass('listing_detail_next') IS NULL", Boolean.class))
                .as("the twin is dropped").isTrue();
        var status = admin.get("/api/v1/admin/projections/listing-read-model").json();
        assertThat(status.get("running").asBoolean()).as("the live processor goes on").isTrue();
        long after = seller.post("/api/v1/listings", aListing(aCategory("Held later"), "Later vase", 701)).position();
        assertThat(anonymous.get("/api/v1/listings?seller=" + seller.userId() + "&consistentWith=" + after)
                .json().get("total").asLong()).isEqualTo(2);

        rebuild("listing-read-model");
        assertThat(anonymous.get(listings).json().get("total").asLong()).isEqualTo(2);
    }

    private List<String> indexesOf(String table) {
        return jdbc.queryForList("SELECT indexname || ': ' || replace(indexdef, indexname, '') FROM pg_indexes "
                + "WHERE tablename = ? ORDER BY indexname", String.class, table);
    }

    @Test
    void the_admin_endpoint_lists_every_projection_with_its_position() {
        var projections = admin.get("/api/v1/admin/projections");
        assertThat(projections.status()).isEqualTo(200);
        assertThat(projections.json().findValuesAsText("name"))
                .containsExactlyInAnyOrder("listing-read-model", "category-read-model", "listing-search",
                        "listing-cache", "user-profile", "organisation-read-model", "order-read-model", "ledger");
        assertThat(admin.post("/api/v1/admin/projections/no-such-thing/rebuild").status()).isEqualTo(404);
        var orderProcess = admin.post("/api/v1/admin/processors/order-payments/rebuild");
        assertThat(orderProcess.status()).as("the order process is never replayed").isEqualTo(404);
        assertThat(orderProcess.header("Content-Type")).contains("application/problem+json");
    }

}
