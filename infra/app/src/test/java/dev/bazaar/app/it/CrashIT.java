package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.localstripe.LocalStripe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The backend as a process of its own, killed with SIGKILL while six clients create listings and place orders, each
 * request with an Idempotency-Key, then started again on the same database (issue 20, ADR 0021). The loopback Stripe
 * lives in this JVM, so it outlives the crash and counts what was charged.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrashIT {

    private static final String WEBHOOK_SECRET = "whsec_crash_" + UUID.randomUUID();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int CLIENTS = 6;

    private static String database;

    private static LocalStripe stripe;

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startStripe() throws Exception {
        database = System.getenv("BAZAAR_CRASH_DB_URL");
        if (database == null) {
            fail("CrashIT runs through './bazaar test', which gives it a database of its own (BAZAAR_CRASH_DB_URL)");
        }
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "bazaar", "bazaar"));
        stripe = LocalStripe.start(0, null, WEBHOOK_SECRET);
    }

    @AfterAll
    static void stopStripe() {
        if (stripe != null) {
            stripe.close();
        }
    }

    /** One request a client sent, and what came back (null: no answer, the connection died with the process). */
    private record Sent(String path, String key, String body, Api client, Api.Response answer) {

        boolean acknowledged() {
            return answer != null && answer.status() / 100 == 2;
        }
    }

    @Test
    void a_backend_killed_under_load_keeps_every_acknowledged_command_and_a_retry_runs_each_lost_one_once()
            throws Exception {
        AppProcess backend = start();
        try {
            Api admin = admin(backend);
            Api seller = IntegrationTest.aLoggedInUser(Api.at(backend.port()), "seller");
            List<Api> buyers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                buyers.add(IntegrationTest.aLoggedInUser(Api.at(backend.port()), "buyer"));
            }
            UUID category = IntegrationTest.aCategory(admin, "Crash " + UUID.randomUUID());
            List<UUID> forSale = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                forSale.add(aPublishedListing(seller, category, "Stock " + i));
            }
            long draftedBefore = count("dev.bazaar.kernel.listing.ListingDrafted");
            long placedBefore = count("dev.bazaar.kernel.order.OrderPlaced");

            List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean crashed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                Api buyer = buyers.get(c);
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; !crashed.get() && i < 500; i++) {
                        boolean order = i % 2 == 1;
                        String body = order
                                ? json(Map.of("listingId", forSale.get(i % forSale.size()), "quantity", 1,
                                        "paymentMethod", "pm_card_visa"))
                                : json(plenty(category, "Crash lamp " + client + "-" + i));
                        Api as = order ? buyer : seller;
                        String path = order ? "/api/v1/orders" : "/api/v1/listings";
                        String key = "crash-" + UUID.randomUUID();
                        Api.Response answer = null;
                        try {
                            answer = as.with("Idempotency-Key", key).post(path, "application/json", body);
                            answered.incrementAndGet();
                        } catch (UncheckedIOException e) {
                            crashed.set(true);
                        }
                        sent.add(new Sent(path, key, body, as, answer));
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= 150);
            backend.kill();
            crashed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            backend.close();

            backend = start();
            Map<String, UUID> created = new HashMap<>();
            int lost = 0;
            for (Sent request : sent) {
                Api client = request.client().on(backend.port());
                if (request.acknowledged()) {
                    String read = request.path() + "/" + request.answer().id() + "?consistentWith="
                            + request.answer().position();
                    assertThat(client.get(read).status()).as("acknowledged, so readable: " + read).isEqualTo(200);
                    created.put(request.key(), request.answer().id());
                    continue;
                }
                lost++;
                Api.Response retry = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> client.with("Idempotency-Key", request.key())
                                .post(request.path(), "application/json", request.body()),
                                answer -> answer.status() != 409);
                assertThat(retry.status()).as("a lost request retried with its key: " + retry).isEqualTo(201);
                created.put(request.key(), retry.id());
            }
            assertThat(lost).as("the kill cut requests off").isPositive();
            System.out.printf("CrashIT: %d requests, %d acknowledged before the kill, %d retried after it%n",
                    sent.size(), sent.size() - lost, lost);

            long listingRequests = sent.stream().filter(s -> s.path().equals("/api/v1/listings")).count();
            long orderRequests = sent.size() - listingRequests;
            assertThat(count("dev.bazaar.kernel.listing.ListingDrafted") - draftedBefore)
                    .as("one listing per request").isEqualTo(listingRequests);
            assertThat(count("dev.bazaar.kernel.order.OrderPlaced") - placedBefore).as("one order per request")
                    .isEqualTo(orderRequests);
            assertThat(new HashSet<>(created.values())).as("every request answered with its own aggregate")
                    .hasSize(sent.size());

            Set<UUID> orders = new HashSet<>();
            sent.stream().filter(s -> s.path().equals("/api/v1/orders")).forEach(s -> orders.add(created.get(s.key())));
            Api anyBuyer = buyers.get(0).on(backend.port());
            Api adminAfter = admin.on(backend.port());
            for (UUID order : orders) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    JsonNode view = adminAfter.get("/api/v1/orders/" + order).json();
                    return view.path("status").asText();
                }, status -> status.equals("awaiting_acceptance"));
                assertThat(stripe.state().count("payment_intent", "order_id", order.toString()))
                        .as("order " + order + " authorised once at Stripe").isEqualTo(1);
            }
            var invariants = adminAfter.get("/api/v1/ledger/invariants").json();
            assertThat(invariants.get("holds").asBoolean()).as(invariants.toString()).isTrue();
            assertThat(anyBuyer.get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            backend.close();
        }
    }

    @Test
    void a_crash_after_stripe_authorised_but_before_the_order_recorded_it_neither_charges_twice_nor_loses_it()
            throws Exception {
        AppProcess backend = start();
        try {
            Api seller = IntegrationTest.aLoggedInUser(Api.at(backend.port()), "seller");
            Api buyer = IntegrationTest.aLoggedInUser(Api.at(backend.port()), "buyer");
            UUID listing = aPublishedListing(seller, IntegrationTest.aCategory(admin(backend),
                    "Crash " + UUID.randomUUID()), "Copper kettle");
            // Stripe authorises at once but its answer takes 20 s: the process dies while it waits
            stripe.faults().delay("POST /v1/payment_intents", 20_000, 1);
            var placed = buyer.post("/api/v1/orders", Map.of("listingId", listing, "quantity", 1,
                    "paymentMethod", "pm_card_visa"));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String order = placed.id().toString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stripe.state().count("payment_intent", "order_id", order) == 1);
            backend.kill();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type = 'dev.bazaar.kernel.order.PaymentAuthorized'", Long.class, order))
                    .as("the authorisation was not recorded before the crash").isZero();
            backend.close();

            backend = start();
            Api buyerAfter = buyer.on(backend.port());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    buyerAfter.get("/api/v1/orders/" + order).json().path("status").asText(),
                    status -> status.equals("awaiting_acceptance"));
            assertThat(stripe.state().count("payment_intent", "order_id", order)).as("one authorisation")
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type = 'dev.bazaar.kernel.order.PaymentAuthorized'", Long.class, order))
                    .isEqualTo(1);
            assertThat(stripe.requestsReceived().get("POST /v1/payment_intents"))
                    .as("the process asked again after its restart, with the same idempotency key")
                    .isGreaterThan(stripe.requestsExecuted().get("POST /v1/payment_intents"));
        } finally {
            backend.close();
        }
    }

    private AppProcess start() throws Exception {
        var arguments = RoleInstances.arguments("crash", database, stripe.baseUrl(), WEBHOOK_SECRET);
        arguments.add("--bazaar.rate-limit.enabled=false");
        arguments.add("--bazaar.idempotency.lease=PT2S");
        AppProcess backend = AppProcess.start("crash", arguments).awaitReady();
        stripe.sendWebhooksTo("http://127.0.0.1:" + backend.port() + "/api/v1/webhooks/stripe");
        return backend;
    }

    private static Api admin(AppProcess backend) {
        return IntegrationTest.logIn(Api.at(backend.port()), System.getenv("BAZAAR_ADMIN_EMAIL"),
                System.getenv("BAZAAR_ADMIN_PASSWORD"));
    }

    private static UUID aPublishedListing(Api seller, UUID category, String title) {
        UUID listing = seller.post("/api/v1/listings", plenty(category, title)).id();
        assertThat(seller.post("/api/v1/listings/" + listing + "/publish").status()).isEqualTo(200);
        return listing;
    }

    private static Map<String, Object> plenty(UUID category, String title) {
        var listing = new HashMap<>(IntegrationTest.aListing(category, title, 1500));
        listing.put("quantity", 1000);
        return listing;
    }

    private static long count(String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                eventType);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
