package dev.bazaar.tools.load;

import dev.bazaar.tools.http.KeepAliveClient;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static dev.bazaar.tools.load.Measure.json;
import static dev.bazaar.tools.load.Measure.row;
import static dev.bazaar.tools.load.Measure.table;
import static dev.bazaar.tools.load.Measure.until;

/**
 * Projection lag as a client sees it, under an open loop: a pair (create, publish) starts every 2/rate seconds,
 * whatever the answers do; for sampled listings, the time from the publish answer until the listing reads as
 * PUBLISHED, and until search finds it. Beside it, the backend's own measure over exactly this run.
 */
final class LagProbe {

    private static final Pattern LAG_BUCKET = Pattern.compile(
            "bazaar_projection_lag_seconds_bucket\\{.*projection=\"([^\"]+)\".*le=\"([^\"]+)\".*} ([0-9.eE+]+)");

    private final BenchRun run;

    LagProbe(BenchRun run) {
        this.run = run;
    }

    String lag(int commandsPerSecond, Duration duration) throws Exception {
        var lagBefore = lagBuckets();
        var commandLatencies = new ConcurrentLinkedQueue<Long>();
        var readModelLag = new ConcurrentLinkedQueue<Long>();
        var searchLag = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long periodNanos = 2_000_000_000L / commandsPerSecond;
        int sampleEvery = Integer.parseInt(run.option("sample-every", "50"));
        ExecutorService workers = Executors.newFixedThreadPool(128);
        ThreadLocal<KeepAliveClient> clients = ThreadLocal.withInitial(() -> new KeepAliveClient(run.base()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        var pairs = new AtomicLong();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long intended = System.nanoTime();
            long n = pairs.incrementAndGet();
            workers.submit(() -> {
                try {
                    String token = BenchRun.token();
                    var client = clients.get();
                    var created = client.post("/api/v1/listings", run.seller(), json(run.listing(token)));
                    long t1 = System.nanoTime();
                    if (created.status() != 201) {
                        errors.incrementAndGet();
                        return;
                    }
                    commandLatencies.add(t1 - intended);
                    String id = created.json().get("id").asText();
                    var published = client.post("/api/v1/listings/" + id + "/publish", run.seller(), null);
                    long answered = System.nanoTime();
                    if (published.status() != 200) {
                        errors.incrementAndGet();
                        return;
                    }
                    commandLatencies.add(answered - t1);
                    if (n % sampleEvery == 0) {
                        readModelLag.add(until(answered, () -> client.get("/api/v1/listings/" + id).body()
                                .contains("\"status\":\"PUBLISHED\"")));
                        searchLag.add(until(answered, () -> client.get("/api/v1/search/listings?q=" + token)
                                .body().contains(id)));
                    }
                }
                catch (Exception e) {
                    errors.incrementAndGet();
                    closeQuietly(clients.get());
                    clients.remove();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        ticker.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        String title = "lag: open loop at " + commandsPerSecond + " commands/s for " + duration.toSeconds()
                + " s, lag sampled on every " + sampleEvery + "th listing";
        return table(title, "commands", commandLatencies, seconds, errors.get())
                + row("client polling (20 ms): detail reads PUBLISHED, ms after publish answer", readModelLag)
                + row("client polling (20 ms): search finds it, ms after publish answer", searchLag)
                + serverSideLag(lagBefore);
    }

    /**
     * The backend's own measure (event creation to projection commit) over exactly this run: the difference of the
     * Prometheus histogram buckets before and after, each quantile read as the upper bound of its bucket.
     */
    private String serverSideLag(Map<String, TreeMap<Double, Long>> before) throws Exception {
        var after = lagBuckets();
        var lines = new StringBuilder();
        for (String projection : List.of("listing-read-model", "listing-search", "listing-cache")) {
            var delta = new TreeMap<Double, Long>();
            after.getOrDefault(projection, new TreeMap<>()).forEach((le, count) -> delta.put(le,
                    count - before.getOrDefault(projection, new TreeMap<>()).getOrDefault(le, 0L)));
            long total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
            var quantiles = new StringBuilder();
            for (double q : new double[] {0.5, 0.95, 0.99}) {
                double bound = delta.entrySet().stream()
                        .filter(bucket -> total > 0 && bucket.getValue() >= Math.ceil(q * total))
                        .mapToDouble(Map.Entry::getKey).findFirst().orElse(Double.NaN);
                quantiles.append(String.format(Locale.ROOT, "≤ %.0f | ", bound * 1000));
            }
            lines.append("| server: ").append(projection).append(" lag, event created to committed | ").append(total)
                    .append(" | | ").append(quantiles).append("| |\n");
        }
        return lines.toString();
    }

    private Map<String, TreeMap<Double, Long>> lagBuckets() throws Exception {
        Map<String, TreeMap<Double, Long>> buckets = new HashMap<>();
        run.http().getAs("/actuator/prometheus", run.admin()).body().lines().forEach(line -> {
            var match = LAG_BUCKET.matcher(line);
            if (match.matches()) {
                double le = "+Inf".equals(match.group(2)) ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(match.group(2));
                buckets.computeIfAbsent(match.group(1), p -> new TreeMap<>())
                        .put(le, (long) Double.parseDouble(match.group(3)));
            }
        });
        return buckets;
    }

    private static void closeQuietly(KeepAliveClient client) {
        try {
            client.close();
        }
        catch (IOException e) {
            // already broken; a new connection follows
        }
    }

}
