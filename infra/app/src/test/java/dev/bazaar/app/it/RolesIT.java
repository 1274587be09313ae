package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.localstripe.LocalStripe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The roles as a deployment runs them, behind nginx with the project's own configuration: two command instances, two
 * query instances (one reading from a streaming standby, one whose standby is down) and two projectors, on a
 * database, index and cache prefix of their own. Five are applications in this JVM (a process each would add a
 * minute of start-up to the suite); the second projector is a process of its own, so that it can be killed with
 * SIGKILL in the middle of its work, as a crash would.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RolesIT {

    private static final String WEBHOOK_SECRET = "whsec_roles_" + UUID.randomUUID();

    private static final Set<String> READ_MODEL_PROCESSORS = Set.of("category-read-model", "ledger", "listing-cache",
            "listing-read-model", "listing-search", "order-read-model", "organisation-read-model", "user-profile");

    private static RoleInstances instances;

    private static LocalStripe stripe;

    private static JdbcTemplate jdbc;

    private static JdbcTemplate standby;

    private static Api admin;

    @BeforeAll
    static void startTheRolesBehindNginx() throws Exception {
        String database = System.getenv("BAZAAR_ROLES_DB_URL");
        if (database == null) {
            fail("RolesIT runs through './bazaar test', which gives it a database of its own (BAZAAR_ROLES_DB_URL)");
        }
        String replica = System.getenv("BAZAAR_ROLES_REPLICA_URL");
        if (replica == null) {
            fail("RolesIT runs through './bazaar test', which starts a standby (BAZAAR_ROLES_REPLICA_URL)");
        }
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "bazaar", "bazaar"));
        // pausing a standby's replay takes a superuser
        standby = new JdbcTemplate(new DriverManagerDataSource(replica, "postgres", ""));
        stripe = LocalStripe.start(0, null, WEBHOOK_SECRET);
        instances = RoleInstances.start(database, replica, stripe.baseUrl(), WEBHOOK_SECRET);
        stripe.sendWebhooksTo("http://127.0.0.1:" + instances.nginxPort() + "/api/v1/webhooks/stripe");
        admin = logIn(System.getenv("BAZAAR_ADMIN_EMAIL"), System.getenv("BAZAAR_ADMIN_PASSWORD"));
    }

    @AfterAll
    static void stopThem() {
        if (instances != null) {
            instances.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void a_listing_created_through_nginx_is_found_by_search_and_ordered_and_accepted() {
        Api seller = aUser("seller");
        Api buyer = aUser("buyer");
        UUID category = aCategory();
        String word = "roles" + UUID.randomUUID().toString().substring(0, 8);
        var created = seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Lamp " + word, 2500));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var published = seller.post("/api/v1/listings/" + created.id() + "/publish");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        var found = nginx().get("/api/v1/search/listings?q=" + word + "&consistentWith=" + published.position());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().get("items").get(0).get("listingId").asText()).isEqualTo(created.id().toString());

        var placed = buyer.post("/api/v1/orders", Map.of("listingId", created.id(), "quantity", 1,
                "paymentMethod", "pm_card_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        awaitStatus(buyer, placed.id(), "awaiting_acceptance");
        var accepted = seller.post("/api/v1/orders/" + placed.id() + "/accept");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(awaitStatus(buyer, placed.id(), "in_escrow").at("/amounts/capturedMinor").asLong())
                .isEqualTo(2500);
    }

    @Test
    void each_role_refuses_what_it_does_not_serve_with_a_421_naming_the_role_that_does() {
        var onCommand = Api.at(instances.port("command-1")).get("/api/v1/listings");
        assertMisdirected(onCommand, "command", "query");
        var onQuery = Api.at(instances.port("query-1")).post("/api/v1/listings", Map.of());
        assertMisdirected(onQuery, "query", "command");
        var onProjector = Api.at(instances.port("projector-1")).get("/api/v1/search/listings?q=lamp");
        assertMisdirected(onProjector, "projector", "query");
        var adminOnQuery = admin.on(instances.port("query-1")).get("/api/v1/admin/projections");
        assertMisdirected(adminOnQuery, "query", "projector");
        for (String instance : List.of("command-1", "query-1", "projector-1")) {
            var ready = Api.at(instances.port(instance)).get("/actuator/health/readiness");
            assertThat(ready.status()).as(instance + ": " + ready).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/admin/projections").status()).as("nginx sends it to a projector")
                .isEqualTo(200);
    }

    @Test
    void a_projector_killed_mid_batch_has_its_segments_taken_over_and_no_event_is_skipped() throws Exception {
        String killed = instances.projectorProcessOwner();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(ownersOfReadModelSegments()).as("both projectors hold segments").hasSize(2)
                        .anyMatch(owner -> owner.startsWith(killed)));

        Api seller = aUser("seller");
        UUID category = aCategory();
        List<UUID> listings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            listings.add(seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Kettle " + i, 1000)).id());
        }
        Map<UUID, Long> lastPrice = new HashMap<>();
        long lastPosition = 0;
        for (int round = 1; round <= 8; round++) {
            if (round == 4) {
                instances.killProjectorProcess();
            }
            for (UUID listing : listings) {
                long price = 1000 + round * 10L;
                var changed = seller.post("/api/v1/listings/" + listing + "/price",
                        Map.of("price", Map.of("amountMinor", price, "currency", "EUR")));
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
                lastPrice.put(listing, price);
                lastPosition = Math.max(lastPosition, changed.position());
            }
        }

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(ownersOfReadModelSegments()).as("the survivor holds every segment").hasSize(1)
                        .noneMatch(owner -> owner.startsWith(killed)));
        long head = lastPosition;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (UUID listing : listings) {
                var read = nginx().get("/api/v1/listings/" + listing + "?consistentWith=" + head);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json().at("/price/amountMinor").asLong()).isEqualTo(lastPrice.get(listing));
                assertThat(read.json().get("version").asLong()).as("every event applied")
                        .isEqualTo(lastSequenceOf(listing));
            }
        });
        var processors = admin.get("/api/v1/admin/processors");
        assertThat(processors.status()).as(processors.toString()).isEqualTo(200);
        assertThat(processors.body()).as("no processor retrying a failed batch").doesNotContain("\"error\":true");
    }

    @Test
    void a_consistent_read_on_a_query_instance_is_answered_by_the_standby_once_it_has_replayed_the_write() {
        Api seller = aUser("seller");
        var created = seller.post("/api/v1/listings", IntegrationTest.aListing(aCategory(), "Replayed lamp", 1500));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var read = Api.at(instances.port("query-1")).get("/api/v1/listings/" + created.id()
                + "?consistentWith=" + created.position());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo("Replayed lamp");
        assertThat(read.header("Bazaar-Read-Source")).isEqualTo("replica");
    }

    @Test
    void with_the_standbys_replay_paused_reads_fall_back_to_the_primary_and_are_never_stale() {
        Api seller = aUser("seller");
        UUID category = aCategory();
        var created = seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Paused lamp", 1500));
        awaitReplayed(created.id(), created.position());
        Api query = Api.at(instances.port("query-1"));
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> "paused".equals(
                    standby.queryForObject("SELECT pg_get_wal_replay_pause_state()", String.class)));
            var changed = seller.post("/api/v1/listings/" + created.id() + "/price",
                    Map.of("price", Map.of("amountMinor", 1750, "currency", "EUR")));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

            var consistent = query.get("/api/v1/listings/" + created.id() + "?consistentWith=" + changed.position());

            assertThat(consistent.status()).as(consistent.toString()).isEqualTo(200);
            assertThat(consistent.json().at("/price/amountMinor").asLong()).isEqualTo(1750);
            assertThat(consistent.header("Bazaar-Read-Source")).isEqualTo("primary");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                var health = admin.on(instances.port("query-1")).get("/actuator/health/readReplica");
                assertThat(health.json().get("status").asText()).as(health.toString()).isEqualTo("DOWN");
                assertThat(health.json().at("/details/replayPaused").asBoolean()).isTrue();
            });
            var plain = query.get("/api/v1/listings?category=" + category);
            assertThat(plain.header("Bazaar-Read-Source")).as("too far behind to serve any read").isEqualTo("primary");
            assertThat(query.get("/actuator/health/readiness").status()).as("still in rotation").isEqualTo(200);
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(query.get("/api/v1/listings/" + created.id()).header("Bazaar-Read-Source"))
                        .isEqualTo("replica"));
    }

    @Test
    void a_query_instance_whose_standby_is_down_reads_the_primary_and_stays_ready() {
        Api seller = aUser("seller");
        var created = seller.post("/api/v1/listings", IntegrationTest.aListing(aCategory(), "Primary lamp", 1500));
        Api query = Api.at(instances.port("query-2"));

        var read = query.get("/api/v1/listings/" + created.id() + "?consistentWith=" + created.position());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo("Primary lamp");
        assertThat(read.header("Bazaar-Read-Source")).isEqualTo("primary");
        var health = admin.on(instances.port("query-2")).get("/actuator/health/readReplica");
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.json().at("/details/reachable").asBoolean()).isFalse();
        assertThat(query.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    /** The standby has replayed the listing's read model up to {@code position}. */
    private static void awaitReplayed(UUID listing, long position) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var read = Api.at(instances.port("query-1")).get("/api/v1/listings/" + listing + "?consistentWith="
                    + position);
            assertThat(read.header("Bazaar-Read-Source")).as(read.toString()).isEqualTo("replica");
        });
    }

    private static void assertMisdirected(Api.Response response, String role, String servedBy) {
        assertThat(response.status()).as(response.toString()).isEqualTo(421);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/not-served-by-this-role");
        assertThat(response.json().get("role").asText()).isEqualTo(role);
        assertThat(response.json().get("servedBy").asText()).isEqualTo(servedBy);
    }

    private static Set<String> ownersOfReadModelSegments() {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL "
                + "AND processor_name = ANY (?)", String.class, (Object) READ_MODEL_PROCESSORS.toArray(String[]::new)));
    }

    private static long lastSequenceOf(UUID aggregate) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate.toString());
    }

    private static JsonNode awaitStatus(Api client, UUID order, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = client.get("/api/v1/orders/" + order);
            return response.status() == 200 ? response.json() : null;
        }, view -> view != null && status.equals(view.get("status").asText()));
    }

    private static Api nginx() {
        return Api.at(instances.nginxPort());
    }

    private static Api aUser(String role) {
        return IntegrationTest.aLoggedInUser(nginx(), role);
    }

    private static Api logIn(String email, String password) {
        return IntegrationTest.logIn(nginx(), email, password);
    }

    /** A category with the attributes {@link IntegrationTest#aListing} fills in. */
    private static UUID aCategory() {
        return IntegrationTest.aCategory(admin, "Roles " + UUID.randomUUID());
    }

}
