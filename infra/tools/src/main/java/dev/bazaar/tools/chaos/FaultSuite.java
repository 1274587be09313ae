package dev.bazaar.tools.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./bazaar chaos}: a steady mixed load (listings created and published, orders placed, listings read,
 * searches) against the backend of {@code ./bazaar run}, while one fault after another is injected and healed through
 * {@code ./bazaar fault NAME inject|heal}. Clients behave as the API asks: every write carries an Idempotency-Key and
 * is retried with it after a 503 (waiting its Retry-After), a 409 in flight or a lost connection, for at most two
 * minutes. For each fault it prints what failed and how, what health and readiness said, how long recovery took, and
 * checks that no acknowledged command was lost, none took effect twice and no order was charged twice.
 */
public final class FaultSuite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private static final List<String> ALL = List.of("kill", "postgres", "elasticsearch", "redis", "stripe-slow",
            "stripe-500", "stripe-timeout");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI api;

    private final URI stripe;

    private final String bazaar;

    private final Duration outage;

    private final int clients;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String admin;

    private String seller;

    private final List<String> buyers = new ArrayList<>();

    private UUID category;

    private final List<UUID> forSale = new ArrayList<>();

    private final Map<UUID, Long> ordersAcknowledged = new ConcurrentHashMap<>();

    private final String dbUrl;

    private FaultSuite(URI api, URI stripe, String bazaar, Duration outage, int clients, String dbUrl) {
        this.dbUrl = dbUrl;
        this.api = api;
        this.stripe = stripe;
        this.bazaar = bazaar;
        this.outage = outage;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> faults = List.of(options.getOrDefault("faults", String.join(",", ALL)).split(","));
        for (String fault : faults) {
            if (!ALL.contains(fault)) {
                throw new IllegalArgumentException("Unknown fault " + fault + " (known: " + ALL + ")");
            }
        }
        long seconds = Long.parseLong(options.getOrDefault("outage", "30"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "6"));
        if (seconds < 5 || seconds > 300 || clients < 1 || clients > 32) {
            throw new IllegalArgumentException("--outage is 5..300 seconds, --clients 1..32");
        }
        var suite = new FaultSuite(URI.create(options.get("api")), URI.create(options.get("stripe")),
                options.get("bazaar"), Duration.ofSeconds(seconds), clients,
                options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/bazaar"));
        suite.setUp();
        List<String> rows = new ArrayList<>();
        boolean clean = true;
        for (String fault : faults) {
            Window window = suite.under(fault);
            rows.add(window.row());
            clean &= window.clean();
            System.out.println(window.row());
        }
        System.out.println();
        System.out.println("| fault | requests | failed, and how | health / readiness during the fault | ready after "
                + "heal | projections caught up | acknowledged lost | duplicated | charged twice | gave up | "
                + "anyone acted |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(clean ? 0 : 1);
    }

    private void setUp() throws Exception {
        admin = logIn(System.getenv("BAZAAR_ADMIN_EMAIL"), System.getenv("BAZAAR_ADMIN_PASSWORD"));
        seller = register("seller");
        for (int i = 0; i < clients; i++) {
            buyers.add(register("buyer"));
        }
        var created = send("POST", "/api/v1/categories", admin, Map.of("name", "Chaos " + run, "attributes",
                List.of()), null);
        category = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        for (int i = 0; i < 3; i++) {
            UUID listing = UUID.fromString(JSON.readTree(send("POST", "/api/v1/listings", seller,
                    listing("Chaos stock " + run + " " + i, 1_000_000), null).body()).get("id").asText());
            var published = send("POST", "/api/v1/listings/" + listing + "/publish", seller, null, null);
            if (published.statusCode() != 200) {
                throw new IllegalStateException("Could not publish the suite's listing: " + published.body());
            }
            forSale.add(listing);
        }
    }

    /** One fault: ten seconds of load, the fault for the outage, its heal, recovery, ten seconds more; then checks. */
    private Window under(String fault) throws Exception {
        var window = new Window(fault);
        var load = new Load(window);
        load.start();
        Thread.sleep(10_000);
        command(fault, "inject");
        Instant injected = Instant.now();
        while (Duration.between(injected, Instant.now()).compareTo(outage) < 0) {
            window.saw("health " + status("/actuator/health"), "readiness " + status("/actuator/health/readiness"));
            Thread.sleep(1000);
        }
        command(fault, "heal");
        Instant healed = Instant.now();
        window.readyAfter = awaitReady().map(at -> Duration.between(healed, at)).orElse(null);
        window.caughtUpAfter = awaitCaughtUp().map(at -> Duration.between(healed, at)).orElse(null);
        Thread.sleep(10_000);
        window.deadLetters = deadLetters();
        load.stop();
        verify(window);
        return window;
    }

    /** Read back through the API and counted in the read models (caught up by now) and at the loopback Stripe. */
    private void verify(Window window) throws Exception {
        var shared = http.send(HttpRequest.newBuilder(stripe.resolve("/_local/payment_intents/shared_orders"))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        java.util.Set<String> chargedTwice = new java.util.HashSet<>();
        JSON.readTree(shared.body()).path("data").forEach(order -> chargedTwice.add(order.asText()));
        try (Connection db = DriverManager.getConnection(dbUrl, "bazaar", "bazaar")) {
            // the title names the request's key: two listings with one title are one request that took effect twice
            java.util.Set<String> twice = new java.util.HashSet<>();
            try (var statement = db.prepareStatement("SELECT title FROM listing_detail WHERE title LIKE ? "
                    + "GROUP BY title HAVING count(*) > 1")) {
                statement.setString(1, "Chaos lamp chaos-%");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        twice.add(rows.getString(1));
                    }
                }
            }
            for (Write write : window.acknowledged) {
                var read = send("GET", write.path() + "/" + write.id() + "?consistentWith=" + write.position(),
                        write.path().endsWith("orders") ? write.token() : admin, null, null);
                if (read.statusCode() != 200) {
                    window.lost.incrementAndGet();
                }
                if (write.path().endsWith("listings")) {
                    if (twice.contains("Chaos lamp " + write.key())) {
                        window.duplicated.incrementAndGet();
                    }
                }
                else if (chargedTwice.contains(write.id().toString())) {
                    window.chargedTwice.incrementAndGet();
                }
            }
            // every order placed on the suite's listings was answered to a client: more would be duplicates
            for (UUID listing : forSale) {
                long expected = ordersAcknowledged.merge(listing, (long) window.placedPerListing
                        .getOrDefault(listing, new AtomicInteger()).get(), Long::sum);
                long stored = count(db, "SELECT count(*) FROM order_summary WHERE listing_id = ?::uuid",
                        listing.toString());
                if (stored > expected + window.gaveUp.get()) {
                    window.duplicated.addAndGet((int) (stored - expected - window.gaveUp.get()));
                }
            }
        }
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The clients of one window: each loops over create-and-publish, order, read and search. */
    private final class Load {

        private final Window window;

        private final AtomicBoolean stopping = new AtomicBoolean();

        private final List<Thread> threads = new ArrayList<>();

        Load(Window window) {
            this.window = window;
        }

        void start() {
            for (int c = 0; c < clients; c++) {
                String buyer = buyers.get(c);
                Thread thread = new Thread(() -> loop(buyer), "chaos-client-" + c);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (Thread thread : threads) {
                thread.join(GIVE_UP_AFTER.plusSeconds(30).toMillis());
            }
        }

        private void loop(String buyer) {
            for (int i = 0; !stopping.get(); i++) {
                try {
                    switch (i % 6) {
                        case 0, 1 -> {
                            String key = "chaos-" + UUID.randomUUID();
                            Write created = window.write(new Write("/api/v1/listings", key, seller,
                                    listing("Chaos lamp " + key, 1500)));
                            if (created != null) {
                                window.write(new Write("/api/v1/listings/" + created.id() + "/publish",
                                        "chaos-" + UUID.randomUUID(), seller, null));
                            }
                        }
                        case 2, 3 -> {
                            UUID listing = forSale.get(i % forSale.size());
                            Write placed = window.write(new Write("/api/v1/orders", "chaos-" + UUID.randomUUID(),
                                    buyer, Map.of("listingId", listing, "quantity", 1, "paymentMethod",
                                            "pm_card_visa")));
                            if (placed != null) {
                                window.placedPerListing.computeIfAbsent(listing, l -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                        case 4 -> window.read(send("GET", "/api/v1/listings/" + forSale.get(0), null, null, null));
                        default -> window.read(send("GET", "/api/v1/search/listings?q=lamp&size=5", null, null,
                                null));
                    }
                } catch (IOException e) {
                    window.failed("reads: connection refused or reset");
                    pause(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private record Write(String path, String key, String token, Object body, UUID id, long position) {

        Write(String path, String key, String token, Object body) {
            this(path, key, token, body, null, -1);
        }
    }

    /** What one fault's window saw. */
    private final class Window {

        private final String fault;

        private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>());

        private final List<Write> acknowledged = Collections.synchronizedList(new ArrayList<>());

        private final Map<UUID, AtomicInteger> placedPerListing = new ConcurrentHashMap<>();

        private final AtomicInteger requests = new AtomicInteger();

        private final AtomicInteger lost = new AtomicInteger();

        private final AtomicInteger duplicated = new AtomicInteger();

        private final AtomicInteger chargedTwice = new AtomicInteger();

        private final AtomicInteger gaveUp = new AtomicInteger();

        private Duration readyAfter;

        private Duration caughtUpAfter;

        private long deadLetters;

        Window(String fault) {
            this.fault = fault;
        }

        void saw(String... states) {
            for (String state : states) {
                seen.put(state, true);
            }
        }

        void failed(String how) {
            failures.computeIfAbsent(how, h -> new AtomicInteger()).incrementAndGet();
        }

        void read(HttpResponse<String> answer) {
            requests.incrementAndGet();
            if (answer.statusCode() >= 500) {
                failed("reads: " + describe(answer));
            }
        }

        /** Sends the write until it is answered for good, with its key; null if it never was. */
        Write write(Write write) throws InterruptedException {
            Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
            while (Instant.now().isBefore(deadline)) {
                requests.incrementAndGet();
                try {
                    var answer = send("POST", write.path(), write.token(), write.body(), write.key());
                    int status = answer.statusCode();
                    if (status / 100 == 2) {
                        JsonNode body = JSON.readTree(answer.body());
                        Write done = new Write(write.path(), write.key(), write.token(), write.body(),
                                UUID.fromString(body.get("id").asText()), body.path("position").asLong());
                        if (write.path().equals("/api/v1/listings") || write.path().equals("/api/v1/orders")) {
                            acknowledged.add(done);
                        }
                        return done;
                    }
                    String how = describe(answer);
                    failed("writes: " + how);
                    if (status != 503 && status != 429 && status < 500 && !how.contains("in-flight")) {
                        return null; // a refusal is an answer
                    }
                    pause(answer.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000)
                            .orElse(500L));
                } catch (HttpTimeoutException e) {
                    failed("writes: no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
                } catch (IOException e) {
                    failed("writes: connection refused or reset");
                    pause(500);
                }
            }
            gaveUp.incrementAndGet();
            return null;
        }

        boolean clean() {
            return lost.get() == 0 && duplicated.get() == 0 && chargedTwice.get() == 0 && gaveUp.get() == 0
                    && deadLetters == 0 && readyAfter != null && caughtUpAfter != null
                    && failures.keySet().stream().noneMatch(how -> how.contains(" 500 ") || how.contains("without"));
        }

        String row() {
            var how = new TreeMap<String, Integer>();
            failures.forEach((k, v) -> how.put(k, v.get()));
            return "| " + fault + " | " + requests + " | " + (how.isEmpty() ? "none" : how.toString()
                    .replace("{", "").replace("}", "").replace("=", ": ")) + " | "
                    + String.join(", ", new ArrayList<>(seen.keySet())) + " | " + seconds(readyAfter) + " | "
                    + seconds(caughtUpAfter) + " | " + lost + " of " + acknowledged.size() + " | " + duplicated
                    + " | " + chargedTwice + " | " + gaveUp + " | " + acted() + " |";
        }

        /** Nobody, unless events were parked (an admin must retry them) or the backend did not recover alone. */
        private String acted() {
            if (readyAfter == null || caughtUpAfter == null) {
                return "yes: not recovered by itself within 5 min";
            }
            return deadLetters == 0 ? "nobody" : "yes: " + deadLetters + " dead letters to retry";
        }
    }

    private static String seconds(Duration duration) {
        return duration == null ? "not within 5 min" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String describe(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = "";
        try {
            type = JSON.readTree(answer.body()).path("type").asText("").replace("https://bazaar.dev/problems/", "");
        } catch (IOException e) {
            type = "not a problem";
        }
        boolean retryAfter = answer.headers().firstValue("Retry-After").isPresent();
        return status + " " + (type.isEmpty() ? "(no problem type)" : type)
                + (status == 503 ? (retryAfter ? " with Retry-After" : " without Retry-After") : "");
    }

    private void command(String fault, String step) throws IOException, InterruptedException {
        var process = new ProcessBuilder(bazaar, "fault", fault, step).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./bazaar fault " + fault + " " + step + " failed");
        }
    }

    private String status(String path) {
        try {
            return Integer.toString(http.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private java.util.Optional<Instant> awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(300);
        while (Instant.now().isBefore(deadline)) {
            if (status("/actuator/health/readiness").equals("200")) {
                return java.util.Optional.of(Instant.now());
            }
            Thread.sleep(250);
        }
        return java.util.Optional.empty();
    }

    /** Events parked in the projections' dead-letter queues. */
    private long deadLetters() throws Exception {
        long letters = 0;
        var projections = send("GET", "/api/v1/admin/projections", admin, null, null);
        for (JsonNode projection : JSON.readTree(projections.body())) {
            var queue = send("GET", "/api/v1/admin/processors/" + projection.path("name").asText() + "/dead-letters",
                    admin, null, null);
            if (queue.statusCode() == 200) {
                letters += JSON.readTree(queue.body()).path("letters").asLong();
            }
        }
        return letters;
    }

    /** Every projection past the head the store had when the backend answered again (the load goes on writing). */
    private java.util.Optional<Instant> awaitCaughtUp() throws Exception {
        Instant deadline = Instant.now().plusSeconds(300);
        long head = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                var answer = send("GET", "/api/v1/admin/projections", admin, null, null);
                if (answer.statusCode() == 200) {
                    long behind = 0;
                    for (JsonNode projection : JSON.readTree(answer.body())) {
                        if (head < 0) {
                            head = projection.path("head").asLong();
                        }
                        behind = Math.max(behind, head - projection.path("position").asLong());
                    }
                    if (head >= 0 && behind <= 0) {
                        return java.util.Optional.of(Instant.now());
                    }
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(250);
        }
        return java.util.Optional.empty();
    }

    private Map<String, Object> listing(String title, int quantity) {
        return Map.of("title", title, "description", "Made for the fault suite", "categoryId", category,
                "price", Map.of("amountMinor", 1500, "currency", "EUR"), "quantity", quantity,
                "attributes", Map.of(), "imageUrls", List.of("https://img.example/chaos.jpg"));
    }

    private String register(String role) throws Exception {
        String email = "chaos-" + role + "-" + UUID.randomUUID() + "@chaos.bazaar.dev";
        send("POST", "/api/v1/users", null, Map.of("email", email, "password", "chaos suite password",
                "displayName", "Chaos " + role, "role", role), null);
        return logIn(email, "chaos suite password");
    }

    private String logIn(String email, String password) throws Exception {
        var answer = send("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", password), null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Could not log in as " + email + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, Object body, String key)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(api.resolve(path)).timeout(CLIENT_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.min(millis, 5000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
