package dev.bazaar.localstripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Stripe-compatible HTTP server on loopback: the part of Stripe's API Bazaar uses (payment intents with manual
 * capture, refunds, transfers and reversals, connected accounts and onboarding links), answered the way Stripe
 * answers, with Stripe's idempotency (a repeated key gets the first answer, and nothing happens twice). Runs the real
 * stripe-java client code in demos and tests without a network. Stripe's test payment methods pick the outcome
 * ({@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} is declined); test helpers under {@code /_local}
 * expire authorisations, open and close disputes, complete onboarding and inject faults. State is in memory, and,
 * when a state file is given, kept there too ({@link StripeJournal}): {@code ./bazaar run} keeps it in
 * {@code run/stripe-state.ndjson}, so orders paid before a restart can still be captured, refunded and paid out.
 *
 * <p>Run alone: {@code java -cp bazaar.jar -Dloader.main=dev.bazaar.localstripe.LocalStripe
 * org.springframework.boot.loader.launch.PropertiesLauncher <port> [webhook-url [state-file]]} with
 * STRIPE_WEBHOOK_SECRET set.
 */
public final class LocalStripe implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final ExecutorService threads = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "local-stripe");
        thread.setDaemon(true);
        return thread;
    });

    /** As Stripe does, an idempotency key is remembered for 24 hours; after that it is a new request. */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final Map<String, KeptAnswer> answersByIdempotencyKey = new ConcurrentHashMap<>();

    private final AtomicLong keysSincePurge = new AtomicLong();

    private final LocalStripeLedger stripe;

    private final Faults faults = new Faults();

    private final Map<String, Integer> received = new ConcurrentHashMap<>();

    private StripeJournal journal;

    private LocalStripe(HttpServer server, LocalStripeLedger stripe) {
        this.server = server;
        this.stripe = stripe;
    }

    /** Starts on loopback; port 0 picks a free one. Webhooks go to webhookUrl, signed with secret, when set. */
    public static LocalStripe start(int port, String webhookUrl, String secret) throws IOException {
        return start(port, webhookUrl, secret, null);
    }

    /** As {@link #start(int, String, String)}, with the state loaded from and kept in the file when it is not null. */
    public static LocalStripe start(int port, String webhookUrl, String secret, Path stateFile) throws IOException {
        // without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every answer on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        var webhooks = new WebhookSender(webhookUrl, secret);
        var local = new LocalStripe(server, new LocalStripeLedger(webhooks, "http://127.0.0.1:"
                + server.getAddress().getPort()));
        if (stateFile != null) {
            local.journal = local.stripe.keepIn(stateFile, local.answersByIdempotencyKey);
        }
        server.createContext("/", local::handle);
        server.setExecutor(local.threads);
        server.start();
        return local;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 12111;
        String webhookUrl = args.length > 1 ? args[1] : null;
        Path state = args.length > 2 ? Path.of(args[2]) : null;
        start(port, webhookUrl, System.getenv().getOrDefault("STRIPE_WEBHOOK_SECRET", ""), state);
        System.out.println("Local Stripe listening on http://127.0.0.1:" + port + " (webhooks to " + webhookUrl
                + (state == null ? "; state in memory" : "; state kept in " + state) + ")");
        Thread.currentThread().join();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void sendWebhooksTo(String url) {
        stripe.webhooks().target(url);
    }

    /** How many requests arrived at each route (e.g. "POST /v1/payment_intents"), repeats included. */
    public Map<String, Integer> requestsReceived() {
        return new java.util.TreeMap<>(received);
    }

    /** How many requests to each route were acted on: a repeat with a known idempotency key is not. */
    public Map<String, Integer> requestsExecuted() {
        return stripe.requestCounts();
    }

    public Faults faults() {
        return faults;
    }

    public LocalStripeLedger state() {
        return stripe;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        if (journal != null) {
            journal.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = form(exchange.getRequestBody(), exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/v1/") && !authorized(exchange)) {
                respond(exchange, Answer.error(401, "invalid_request_error", "api_key_invalid",
                        "You did not provide an API key."));
                return;
            }
            if ("POST".equals(method) && "/_local/faults".equals(path)) {
                respond(exchange, armFault(form));
                return;
            }
            if ("GET".equals(method) && "/_local/payment_intents/shared_orders".equals(path)) {
                // the orders with more than one payment intent: the fault suite's check that none was charged twice
                var orders = JSON.createArrayNode();
                stripe.sharedMetadata("payment_intent", "order_id").forEach(orders::add);
                var answer = JSON.createObjectNode().put("object", "list");
                answer.set("data", orders);
                respond(exchange, Answer.ok(answer));
                return;
            }
            String route = LocalStripeLedger.route(method, path);
            received.merge(route, 1, Integer::sum);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Faults.Fault fault = faults.take(route);
            if (fault != null && fault.status() > 0) {
                respond(exchange, Answer.error(fault.status(), "api_error", null, "Injected failure."));
                return;
            }
            Answer answer;
            if (key == null || !"POST".equals(method)) {
                answer = stripe.answer(method, path, form);
            }
            else {
                boolean[] first = {false};
                KeptAnswer kept = answersByIdempotencyKey.compute(key, (k, known) -> {
                    if (known != null && !known.expired(Instant.now())) {
                        return known;
                    }
                    first[0] = true;
                    return KeptAnswer.inMemory(stripe.answer(method, path, form), Instant.now());
                });
                answer = kept.answer() != null ? kept.answer() : journal.answerAt(kept.place());
                if (first[0]) {
                    if (journal != null) {
                        // from now on read back from the file when the key comes again
                        answersByIdempotencyKey.replace(key, kept, KeptAnswer.inFile(journal.answer(key, kept),
                                kept.at()));
                    }
                    forgetExpiredKeysNowAndThen();
                }
            }
            if (fault != null && fault.delayMillis() > 0) {
                Thread.sleep(fault.delayMillis()); // the work is done; the answer arrives too late for the client
            }
            respond(exchange, answer);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code POST /_local/faults} with {@code route} (e.g. "POST /v1/payment_intents"), {@code times} and either
     * {@code delay_ms} (the work is done, the answer comes late) or {@code status} (fails, changing nothing): the
     * fault suite's way in from another process.
     */
    private Answer armFault(Map<String, String> form) {
        String route = form.get("route");
        int times;
        long delay;
        int status;
        try {
            times = Integer.parseInt(form.getOrDefault("times", "1"));
            delay = Long.parseLong(form.getOrDefault("delay_ms", "0"));
            status = Integer.parseInt(form.getOrDefault("status", "0"));
        }
        catch (NumberFormatException e) {
            return Answer.error(400, "invalid_request_error", "parameter_invalid_integer",
                    "times, delay_ms and status must be integers.");
        }
        if (route == null || route.isBlank() || times < 1 || times > 10_000 || delay < 0 || delay > 120_000
                || (status != 0 && (status < 400 || status > 599)) || (delay == 0) == (status == 0)) {
            return Answer.error(400, "invalid_request_error", "parameter_invalid",
                    "Give route, times (1..10000) and either delay_ms (1..120000) or status (400..599).");
        }
        if (delay > 0) {
            faults.delay(route, delay, times);
        }
        else {
            faults.fail(route, status, times);
        }
        ObjectNode armed = JSON.createObjectNode().put("object", "fault").put("route", route).put("times", times);
        return Answer.ok(delay > 0 ? armed.put("delay_ms", delay) : armed.put("status", status));
    }

    /** Every 10,000 new keys, the ones older than a day go (the file sheds them when it is compacted on start). */
    private void forgetExpiredKeysNowAndThen() {
        if (keysSincePurge.incrementAndGet() % 10_000 == 0) {
            Instant now = Instant.now();
            answersByIdempotencyKey.values().removeIf(kept -> kept.expired(now));
        }
    }

    /**
     * An answer kept for an idempotency key, and when it was given: in memory until it is written to the state file,
     * then only its place there (answer null).
     */
    record KeptAnswer(Answer answer, Instant at, long place) {

        static KeptAnswer inMemory(Answer answer, Instant at) {
            return new KeptAnswer(answer, at, -1);
        }

        static KeptAnswer inFile(long place, Instant at) {
            return new KeptAnswer(null, at, place);
        }

        boolean expired(Instant now) {
            return at.plus(KEY_LIFETIME).isBefore(now);
        }

    }

    private static boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer sk_");
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("Request-Id", "req_local");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    /** Stripe's form encoding: {@code metadata[order_id]=...}, {@code payment_method_types[0]=card}. */
    private static Map<String, String> form(InputStream body, String query) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String source : new String[] {text, query == null ? "" : query}) {
            for (String pair : source.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            }
        }
        return fields;
    }

    /** An HTTP answer as Stripe would give it. */
    record Answer(int status, String body, String contentType) {

        static Answer ok(ObjectNode object) {
            return new Answer(200, object.toString(), "application/json");
        }

        static Answer error(int status, String type, String code, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.put("type", type);
            if (code != null) {
                error.put("code", code);
            }
            error.put("message", message);
            ObjectNode body = JSON.createObjectNode();
            body.set("error", error);
            return new Answer(status, body.toString(), "application/json");
        }

        static Answer declined(String declineCode) {
            Answer answer = error(402, "card_error", "card_declined", "Your card was declined.");
            try {
                ObjectNode body = (ObjectNode) JSON.readTree(answer.body());
                ((ObjectNode) body.get("error")).put("decline_code", declineCode);
                return new Answer(402, body.toString(), "application/json");
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Answer html(String text) {
            return new Answer(200, "<!doctype html><title>Bazaar local Stripe</title><p>" + text, "text/html");
        }

    }

}
