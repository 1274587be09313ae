package dev.bazaar.app.it;

import dev.bazaar.app.BazaarApplication;
import dev.bazaar.localstripe.LocalStripe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the whole application on a random port against the real PostgreSQL, Redis and Elasticsearch that
 * {@code ./bazaar test} starts, in a database, index and key prefix of this run's own. Every test class shares
 * one application context, so the event processors of one run never compete for tokens. Metrics export stays on
 * (Spring switches it off in tests by default) because the Prometheus endpoint is part of the contract.
 */
@AutoConfigureObservability
@SpringBootTest(classes = BazaarApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class IntegrationTest {

    /** What every test account's password is. */
    static final String PASSWORD = "correct horse battery";

    /** The admin every run bootstraps from configuration (set by ./bazaar test). */
    static final String ADMIN_EMAIL = System.getenv().getOrDefault("BAZAAR_ADMIN_EMAIL", "");

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("BAZAAR_ADMIN_PASSWORD", "");

    private static volatile Api.Response adminLogin;

    static final String WEBHOOK_SECRET = "whsec_test_" + UUID.randomUUID();

    /** The loopback Stripe every test talks to through stripe-java; one per test JVM, like the application. */
    static final LocalStripe STRIPE = startStripe();

    @DynamicPropertySource
    static void paymentsAndDeadlines(DynamicPropertyRegistry properties) {
        properties.add("bazaar.payments.stripe.local-api-base", STRIPE::baseUrl);
        properties.add("bazaar.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        properties.add("bazaar.payments.stripe.read-timeout-ms", () -> "2000");
        properties.add("db-scheduler.polling-interval", () -> "PT1S");
        // a claim left without an answer is taken over after a second (IdempotencyIT)
        properties.add("bazaar.idempotency.lease", () -> "PT1S");
        properties.add("bazaar.orders.acceptance-sweep-interval", () -> "PT1S");
        properties.add("bazaar.audit.checkpoint-interval", () -> "10");
        properties.add("bazaar.audit.chain.gap-settle", () -> "PT0.2S");
        // live event streams end after 2 s in tests, so that a client reading one to its end finishes
        properties.add("bazaar.events.live.lifetime", () -> "PT2S");
        properties.add("bazaar.events.live.max-consumers", () -> "2");
    }

    private static LocalStripe startStripe() {
        try {
            return LocalStripe.start(0, null, WEBHOOK_SECRET);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api anonymous;

    Api admin;

    @BeforeAll
    static void requireOwnDatabase() {
        if (System.getenv("BAZAAR_DB_URL") == null) {
            fail("Integration tests run through './bazaar test', which gives each run its own database and index");
        }
    }

    @BeforeEach
    void connect() {
        anonymous = Api.at(port);
        admin = asAdmin(anonymous);
        STRIPE.sendWebhooksTo("http://127.0.0.1:" + port + "/api/v1/webhooks/stripe");
    }

    /** The bootstrap admin, logged in once per run (its token outlives the suite). */
    Api asAdmin(Api client) {
        if (adminLogin == null) {
            adminLogin = client.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
            assertThat(adminLogin.status()).as("bootstrap admin logs in: " + adminLogin).isEqualTo(200);
        }
        return client.bearer(adminLogin.json().get("accessToken").asText(),
                UUID.fromString(adminLogin.json().get("userId").asText()));
    }

    Api aSeller() {
        return aUser("seller");
    }

    /** Registers a new account with the role (staff roles through the admin) and logs it in. */
    Api aUser(String role) {
        return logIn(Api.at(port), anAccount(role), PASSWORD);
    }

    /** Registers an account named "Test <role>" with {@link #PASSWORD} (staff roles through the admin); its email. */
    String anAccount(String role) {
        String email = anEmail();
        var registrar = role.equals("buyer") || role.equals("seller") ? anonymous : admin;
        var registered = registrar.post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                "displayName", "Test " + role, "role", role));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return email;
    }

    /** Registers a buyer or seller through {@code client} and logs them in there. */
    static Api aLoggedInUser(Api client, String role) {
        String email = anEmail();
        var registered = client.post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                "displayName", "Test " + role, "role", role));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return logIn(client, email, PASSWORD);
    }

    static String anEmail() {
        return "user-" + UUID.randomUUID() + "@test.bazaar.dev";
    }

    static Api logIn(Api client, String email, String password) {
        var login = client.post("/api/v1/auth/token", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return client.bearer(login.json().get("accessToken").asText(),
                UUID.fromString(login.json().get("userId").asText()));
    }

    /** The highest position in the event store. */
    long storedHead() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** Waits until the audit hash chain (and so the event stream's horizon) has passed the position. */
    void awaitChainedThrough(long position) {
        await().atMost(Duration.ofSeconds(20)).until(() -> admin
                .get("/api/v1/audit/chain").json().get("position").asLong() >= position);
    }

    /** Rebuilds the projection from the first event and waits until it has passed where the store was. */
    void rebuild(String projection) {
        var started = admin.post("/api/v1/admin/projections/" + projection + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long target = started.json().get("rebuildTarget").asLong();
        assertThat(started.json().get("progress").asDouble()).as(started.toString()).isBetween(0.0, 1.0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var status = admin.get("/api/v1/admin/projections/" + projection).json();
            assertThat(status.get("rebuilding").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(target);
            assertThat(status.get("progress").isNull()).as("no progress once rebuilt").isTrue();
        });
        var rebuilt = admin.get("/api/v1/admin/projections/" + projection).json();
        assertThat(rebuilt.get("rebuildError").isNull()).as(rebuilt.toString()).isTrue();
        assertThat(rebuilt.get("rebuildPhase").asText()).as(rebuilt.toString()).isIn("done", "null");
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** Creates a category with a required colour and an optional wattage, returning its id. */
    UUID aCategory(String name) {
        return aCategory(admin, name);
    }

    /** {@link #aCategory(String)}, by the given admin, for tests that run applications of their own. */
    static UUID aCategory(Api admin, String name) {
        var response = admin.post("/api/v1/categories", Map.of("name", name, "attributes", List.of(
                Map.of("name", "color", "type", "CHOICE", "required", true, "choices", List.of("red", "blue")),
                Map.of("name", "watts", "type", "NUMBER", "required", false))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    static Map<String, Object> aListing(UUID categoryId, String title, long priceMinor) {
        return Map.of("title", title, "description", "A fine " + title.toLowerCase(), "categoryId", categoryId,
                "price", Map.of("amountMinor", priceMinor, "currency", "EUR"), "quantity", 3,
                "attributes", Map.of("color", "red", "watts", 40),
                "imageUrls", List.of("https://img.example/" + UUID.randomUUID() + ".jpg"));
    }

}
