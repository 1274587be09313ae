package dev.bazaar.tools.load;

import dev.bazaar.tools.http.Http;
import dev.bazaar.tools.http.KeepAliveClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Complete order flows: N buyers place orders as fast as answers come (the backend authorises each at the payment
 * provider); the seller, like a seller's dashboard, lists the orders awaiting acceptance and accepts them (the
 * backend captures each). When placing stops, it waits for every order to be captured and held in escrow, then reads
 * each order's own timestamps: placed (OrderPlaced) to captured (PaymentCaptured). Throughput is captured orders per
 * second from the first placement to the last capture. The seller polls one list, not each order, so the load is
 * the orders, not the watching.
 */
final class OrderLoad {

    private static final String AWAITING = "/api/v1/orders?as=seller&status=AWAITING_ACCEPTANCE&limit=200";

    private final Http http;

    private final String seller;

    private final UUID category;

    private final BenchRun options;

    OrderLoad(BenchRun run) {
        this.http = run.http();
        this.seller = run.seller();
        this.category = run.category();
        this.options = run;
    }

    String run(int clients, Duration duration) throws Exception {
        List<String> listings = listings(Integer.parseInt(options.option("listings", "200")));
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            buyers.add(http.registerAndLogIn("bench-buyer-" + UUID.randomUUID() + "@bench.bazaar.dev",
                    "bench buyer password", "Benchmark buyer", "buyer"));
        }
        var places = new ConcurrentLinkedQueue<Long>();
        var accepts = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        var placed = new AtomicLong();
        var placing = new AtomicBoolean(true);
        ExecutorService acceptor = Executors.newSingleThreadExecutor();
        var accepting = acceptor.submit(() -> acceptWhileOrdersCome(placing, placed, accepts, errors));
        var next = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Measure.runClients(clients, () -> {
            String buyer = buyers.get((int) (next.getAndIncrement() % buyers.size()));
            try (var client = new KeepAliveClient(options.base())) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String listing = listings.get(ThreadLocalRandom.current().nextInt(listings.size()));
                    var answer = client.post("/api/v1/orders", buyer, Measure.json(Map.of("listingId", listing,
                            "quantity", 1, "paymentMethod", "pm_card_visa")));
                    if (Measure.record(answer, 201, System.nanoTime() - t0, places, errors)) {
                        placed.incrementAndGet();
                    }
                }
            }
            return null;
        });
        placing.set(false);
        accepting.get();
        acceptor.shutdown();
        var flows = new ConcurrentLinkedQueue<Long>();
        Instant[] window = capturedFlows(flows);
        double seconds = Duration.between(window[0], window[1]).toNanos() / 1e9;
        return Measure.table("orders: place -> authorise -> accept -> capture, " + clients + " buyers, "
                + listings.size() + " listings, placing for " + duration.toSeconds() + " s", "captured orders", flows,
                seconds, errors.get() + (placed.get() - flows.size()))
                + Measure.row("place (POST /orders)", places)
                + Measure.row("accept (POST /orders/{id}/accept)", accepts)
                + "\nFlow times are the backend's own: OrderPlaced to PaymentCaptured. Per second: captured orders "
                + "from the first placement to the last capture.\n";
    }

    /** The seller's side: list what awaits acceptance, accept it (16 at a time), until all placed are accepted. */
    private Void acceptWhileOrdersCome(AtomicBoolean placing, AtomicLong placed, ConcurrentLinkedQueue<Long> accepts,
            AtomicLong errors) throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        ThreadLocal<KeepAliveClient> clients = ThreadLocal.withInitial(() -> new KeepAliveClient(options.base()));
        long quietSince = System.nanoTime();
        try (var lister = new KeepAliveClient(options.base())) {
            while (placing.get() || accepted.size() < placed.get()) {
                var waiting = lister.getAs(AWAITING, seller).json();
                var batch = new ArrayList<java.util.concurrent.Future<?>>();
                for (JsonNode order : waiting) {
                    String id = order.get("id").asText();
                    if (accepted.add(id)) {
                        batch.add(pool.submit(() -> {
                            long t0 = System.nanoTime();
                            var answer = clients.get().post("/api/v1/orders/" + id + "/accept", seller, null);
                            Measure.record(answer, 200, System.nanoTime() - t0, accepts, errors);
                            return null;
                        }));
                    }
                }
                for (var future : batch) {
                    future.get();
                }
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                else if (!placing.get() && System.nanoTime() - quietSince > Duration.ofSeconds(30).toNanos()) {
                    break; // some orders never became acceptable (declined?): counted as errors
                }
                Thread.sleep(50);
            }
        }
        finally {
            pool.shutdown();
        }
        return null;
    }

    /** Waits until nothing is pending, then reads every captured order's placed and captured times. */
    private Instant[] capturedFlows(ConcurrentLinkedQueue<Long> flows) throws Exception {
        for (int i = 0; i < 600; i++) {
            // an order whose acceptance the read model has not seen yet still shows as awaiting acceptance
            var pending = http.getAs("/api/v1/orders?as=seller&status=CAPTURE_PENDING&limit=1", seller).json();
            var waiting = http.getAs("/api/v1/orders?as=seller&status=PAYMENT_PENDING&limit=1", seller).json();
            var accepting = http.getAs(AWAITING.replace("limit=200", "limit=1"), seller).json();
            if (pending.isEmpty() && waiting.isEmpty() && accepting.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (int offset = 0; ; offset += 200) {
            var page = http.getAs("/api/v1/orders?as=seller&status=IN_ESCROW&limit=200&offset=" + offset, seller)
                    .json();
            for (JsonNode order : page) {
                Instant placedAt = Instant.parse(order.get("placedAt").asText());
                Instant capturedAt = Instant.parse(order.get("updatedAt").asText());
                flows.add(Duration.between(placedAt, capturedAt).toNanos());
                first = placedAt.isBefore(first) ? placedAt : first;
                last = capturedAt.isAfter(last) ? capturedAt : last;
            }
            if (page.size() < 200) {
                return new Instant[] {first, last};
            }
        }
    }

    private List<String> listings(int count) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Measure.runClients(8, () -> {
            while (ids.size() < count) {
                var created = http.post("/api/v1/listings", seller, Map.of("title", "Benchmark teapot",
                        "description", "Sold by the load generator", "categoryId", category,
                        "price", Map.of("amountMinor", 1500, "currency", "EUR"), "quantity", 1_000_000,
                        "imageUrls", List.of("https://img.example/teapot.jpg")));
                String id = created.json().get("id").asText();
                if (http.post("/api/v1/listings/" + id + "/publish", seller, null).status() == 200) {
                    ids.add(id);
                }
            }
            return null;
        });
        return ids;
    }

}
