package dev.bazaar.app.it;

import dev.bazaar.command.web.IdempotencyRetention;
import dev.bazaar.readmodel.CacheKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatalogueApiIT extends IntegrationTest {

    @Autowired
    UnifiedJedis redis;

    @Autowired
    CacheKeys keys;

    @Autowired
    IdempotencyRetention retention;

    @Test
    void a_seller_reads_their_new_listing_at_once_with_consistentWith() {
        var seller = aSeller();
        var created = seller.post("/api/v1/listings", aListing(aCategory("Lighting"), "Brass desk lamp", 4599));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/listings/" + created.id());
        assertThat(created.json().get("version").asLong()).isZero();
        assertThat(created.position()).isPositive();

        var read = anonymous.get("/api/v1/listings/" + created.id() + "?consistentWith=" + created.position());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo("Brass desk lamp");
        assertThat(read.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(read.json().get("price").get("amountMinor").asLong()).isEqualTo(4599);
        assertThat(read.json().get("price").get("currency").asText()).isEqualTo("EUR");
        assertThat(read.json().get("attributes").get("color").asText()).isEqualTo("red");
    }

    @Test
    void every_event_records_the_acting_user_and_the_correlation_id() {
        var seller = aSeller();
        var sellerId = seller.userId();
        var created = seller.with("X-Correlation-Id", "trace-abc-123")
                .post("/api/v1/listings", aListing(aCategory("Rugs"), "Wool rug", 12000));

        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE global_index = ?",
                String.class, created.position());
        assertThat(metaData).contains("\"actorId\":\"" + sellerId + "\"", "\"actorRole\":\"SELLER\"",
                "\"correlationId\":\"trace-abc-123\"", "\"causationId\"");
        String revision = jdbc.queryForObject(
                "SELECT payload_revision FROM domain_event_entry WHERE global_index = ?", String.class,
                created.position());
        assertThat(revision).isEqualTo("1");
    }

    @Test
    void a_published_listing_is_found_by_search_until_it_is_closed() {
        var seller = aSeller();
        var category = aCategory("Clocks");
        String word = "zebrawood" + UUID.randomUUID().toString().substring(0, 6);
        var listing = seller.post("/api/v1/listings", aListing(category, "Mantel clock " + word, 8900)).id();
        var draftSearch = anonymous.get("/api/v1/search/listings?q=" + word);
        assertThat(draftSearch.json().get("total").asLong()).as("drafts are not searchable").isZero();

        var published = seller.post("/api/v1/listings/" + listing + "/publish");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        var found = anonymous.get("/api/v1/search/listings?q=" + word + "&consistentWith=" + published.position());
        assertThat(found.json().get("total").asLong()).as(found.toString()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("listingId").asText()).isEqualTo(listing.toString());

        var byPrice = anonymous.get("/api/v1/search/listings?q=" + word + "&minPrice=9000");
        assertThat(byPrice.json().get("total").asLong()).as("price filter in minor units").isZero();
        var byCategory = anonymous.get("/api/v1/search/listings?category=" + category + "&maxPrice=8900");
        assertThat(byCategory.json().get("total").asLong()).isEqualTo(1);

        var closed = seller.post("/api/v1/listings/" + listing + "/close");
        var gone = anonymous.get("/api/v1/search/listings?q=" + word + "&consistentWith=" + closed.position());
        assertThat(gone.json().get("total").asLong()).as(gone.toString()).isZero();
    }

    @Test
    void a_paused_listing_leaves_search_and_returns_when_resumed() {
        var seller = aSeller();
        String word = "quokka" + UUID.randomUUID().toString().substring(0, 6);
        var listing = seller.post("/api/v1/listings", aListing(aCategory("Toys"), "Plush " + word, 1500)).id();
        seller.post("/api/v1/listings/" + listing + "/publish");
        var paused = seller.post("/api/v1/listings/" + listing + "/pause");
        assertThat(anonymous.get("/api/v1/search/listings?q=" + word + "&consistentWith=" + paused.position())
                .json().get("total").asLong()).isZero();
        var resumed = seller.post("/api/v1/listings/" + listing + "/resume");
        assertThat(anonymous.get("/api/v1/search/listings?q=" + word + "&consistentWith=" + resumed.position())
                .json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_price_change_invalidates_the_cached_listing() {
        var seller = aSeller();
        var created = seller.post("/api/v1/listings", aListing(aCategory("Vases"), "Glass vase", 2500));
        var id = created.id();
        anonymous.get("/api/v1/listings/" + id + "?consistentWith=" + created.position());
        assertThat(redis.get(keys.listing(id))).as("the read filled the cache").contains("\"amountMinor\":2500");

        var changed = seller.post("/api/v1/listings/" + id + "/price",
                Map.of("price", Map.of("amountMinor", 1999, "currency", "EUR")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                anonymous.get("/api/v1/listings/" + id).json().get("price").get("amountMinor").asLong())
                .isEqualTo(1999));
        assertThat(redis.get(keys.listing(id))).contains("\"amountMinor\":1999").contains("\"version\":1");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_answer_and_stores_nothing_more() {
        var seller = aSeller().with("Idempotency-Key", "create-" + UUID.randomUUID());
        var body = aListing(aCategory("Mirrors"), "Round mirror", 7000);
        var first = seller.post("/api/v1/listings", body);
        long eventsAfterFirst = storedEvents();

        var retry = seller.post("/api/v1/listings", body);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(eventsAfterFirst);

        var otherBody = seller.post("/api/v1/listings", aListing(body.get("categoryId") instanceof UUID c ? c : null,
                "Square mirror", 7000));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(storedEvents()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void idempotency_keys_are_forgotten_after_the_retention_period() {
        jdbc.update("INSERT INTO idempotency_record (actor_id, idempotency_key, request_hash, created_at) VALUES "
                + "('someone', 'old-key', 'x', now() - interval '25 hours'), ('someone', 'new-key', 'x', now())");

        retention.forgetExpiredKeys();

        var keys = jdbc.queryForList("SELECT idempotency_key FROM idempotency_record WHERE actor_id = 'someone'",
                String.class);
        assertThat(keys).containsExactly("new-key");
    }

    @Test
    void listings_are_listed_by_seller_category_and_status() {
        var seller = aSeller();
        var sellerId = seller.userId();
        var category = aCategory("Chairs");
        var first = seller.post("/api/v1/listings", aListing(category, "Oak chair", 9900)).id();
        seller.post("/api/v1/listings", aListing(category, "Pine chair", 5900));
        var published = seller.post("/api/v1/listings/" + first + "/publish");

        var mine = anonymous.get("/api/v1/listings?seller=" + sellerId + "&consistentWith=" + published.position());
        assertThat(mine.json().get("total").asLong()).isEqualTo(2);
        assertThat(mine.json().get("items").get(0).get("title").asText()).as("newest first").isEqualTo("Pine chair");

        var live = anonymous.get("/api/v1/listings?category=" + category + "&status=PUBLISHED");
        assertThat(live.json().get("total").asLong()).isEqualTo(1);
        assertThat(live.json().get("items").get(0).get("id").asText()).isEqualTo(first.toString());

        var tree = anonymous.get("/api/v1/categories?consistentWith=" + published.position());
        var node = findCategory(tree.json(), category);
        assertThat(node.get("listings").get("PUBLISHED").asLong()).isEqualTo(1);
        assertThat(node.get("listings").get("DRAFT").asLong()).isEqualTo(1);
    }

    @Test
    void the_category_tree_nests_children_and_follows_renames() {
        var root = aCategory("Garden");
        var child = admin.post("/api/v1/categories", Map.of("name", "Hoses", "parentId", root));
        var renamed = admin.post("/api/v1/categories/" + child.id() + "/rename", Map.of("name", "Garden hoses"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        var tree = anonymous.get("/api/v1/categories?consistentWith=" + renamed.position()).json();
        var garden = findCategory(tree, root);
        assertThat(garden.get("children").get(0).get("name").asText()).isEqualTo("Garden hoses");
        var cached = anonymous.get("/api/v1/categories").json();
        assertThat(findCategory(cached, root).get("children").get(0).get("name").asText()).isEqualTo("Garden hoses");
    }

    @Test
    void a_query_waiting_for_a_position_never_reached_answers_503_with_retry_after() {
        var response = anonymous.get("/api/v1/listings?consistentWith=" + Long.MAX_VALUE / 2);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("type").asText()).endsWith("/not-yet-consistent");
    }

    @Test
    void health_reports_every_dependency_to_admins_and_metrics_include_projection_lag() {
        var health = admin.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("elasticsearch").get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("eventProcessors").get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);

        var category = aCategory("Metered");
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.body()).contains("bazaar_projection_lag_events{", "projection=\"listing-read-model\"",
                "bazaar_projection_lag_seconds_bucket{", "http_server_requests_seconds_bucket",
                "commandBus_allTimer_seconds_count{", "payloadType=\"CreateCategory\"");
        assertThat(category).isNotNull();
    }

    @Test
    void the_api_is_described_by_openapi() {
        var docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/listings/{id}/publish")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/search/listings")).isTrue();
        var publish = docs.json().get("paths").get("/api/v1/listings/{id}/publish").get("post");
        assertThat(publish.get("parameters").findValuesAsText("name")).contains("id").doesNotContain("actor");
        assertThat(publish.get("security").findValuesAsText("bearer")).isNotNull();
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode findCategory(com.fasterxml.jackson.databind.JsonNode nodes,
            UUID id) {
        for (var node : nodes) {
            if (node.get("id").asText().equals(id.toString())) {
                return node;
            }
            var inChildren = findCategory(node.get("children"), id);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

}
