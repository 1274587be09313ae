package dev.bazaar.tools.load;

import dev.bazaar.tools.http.Http;
import dev.bazaar.tools.http.KeepAliveClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static dev.bazaar.tools.load.Measure.json;
import static dev.bazaar.tools.load.Measure.record;
import static dev.bazaar.tools.load.Measure.runClients;
import static dev.bazaar.tools.load.Measure.table;

/** Closed-loop workloads: N clients each sending the next request as soon as the last was answered. */
final class ListingLoad {

    private final BenchRun run;

    ListingLoad(BenchRun run) {
        this.run = run;
    }

    /** Each client creates a listing, then publishes it. */
    String write(int clients, Duration duration) throws Exception {
        return write(clients, duration, new Timeline(duration.toSeconds()));
    }

    /** {@link #write(int, Duration)}, counting each answered command in {@code timeline}. */
    String write(int clients, Duration duration, Timeline timeline) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runClients(clients, () -> {
            try (var client = new KeepAliveClient(run.base())) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var created = client.post("/api/v1/listings", run.seller(),
                            json(run.listing(BenchRun.token())));
                    long t1 = System.nanoTime();
                    if (!record(created, 201, t1 - t0, latencies, errors)) {
                        continue;
                    }
                    timeline.answered();
                    var published = client.post("/api/v1/listings/" + created.json().get("id").asText() + "/publish",
                            run.seller(), null);
                    if (record(published, 200, System.nanoTime() - t1, latencies, errors)) {
                        timeline.answered();
                    }
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return table("write: create + publish listing, " + clients + " clients, " + duration.toSeconds() + " s",
                "commands", latencies, seconds, errors.get());
    }

    /** Logging in: bcrypt verification plus a refresh-token row per login. */
    String logins(int clients, Duration duration) throws Exception {
        String credentials = json(Map.of("email", run.sellerEmail(), "password", BenchRun.SELLER_PASSWORD));
        return closedLoop("login: POST /api/v1/auth/token, " + clients + " clients, " + duration.toSeconds() + " s",
                "logins", clients, duration, client -> client.post("/api/v1/auth/token", null, credentials), 200);
    }

    /** An authenticated read: token check, account check, profile row, and opening its sealed fields. */
    String profileReads(int clients, Duration duration) throws Exception {
        return closedLoop("me: GET /api/v1/users/me with a token, " + clients + " clients, " + duration.toSeconds()
                + " s", "requests", clients, duration, client -> client.getAs("/api/v1/users/me", run.seller()),
                200);
    }

    /** Random listings read by id, after each was read once (so the cache holds them). */
    String read(int clients, Duration duration, int listings) throws Exception {
        Http http = run.http();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        runClients(16, () -> {
            while (ids.size() < listings) {
                var created = http.post("/api/v1/listings", run.seller(), run.listing(BenchRun.token()));
                if (created.status() == 201) {
                    ids.add(created.json().get("id").asText());
                }
            }
            return null;
        });
        for (String id : ids) { // warm: the first read of each id fills the cache
            http.get("/api/v1/listings/" + id);
        }
        return closedLoop("read: GET /api/v1/listings/{id} over " + ids.size() + " listings, " + clients
                + " clients, " + duration.toSeconds() + " s", "requests", clients, duration,
                client -> client.get("/api/v1/listings/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))),
                200);
    }

    private String closedLoop(String title, String unit, int clients, Duration duration, Measure.Call call,
            int expected) throws Exception {
        return Measure.closedLoop(run.base(), clients, duration, call, expected).table(title, unit);
    }

}
