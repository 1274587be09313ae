package dev.bazaar.tools.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for a running Bazaar, over HTTP like any client. Scenarios:
 * <ul>
 * <li>{@code write}: closed loop, N clients each creating a listing then publishing it, as fast as answers come;
 * with {@code --every S}, also the commands per second in each S seconds since the start (warm-up curves);</li>
 * <li>{@code ceiling}: the write scenario, then the same load against the bare endpoint of
 * {@code CeilingServer} at {@code --ceiling URL} ({@code --ceiling-pid} its process), and the ratio of the two;</li>
 * <li>{@code read}: closed loop, N clients reading random listings by id ({@code GET /listings/{id}});</li>
 * <li>{@code login}, {@code me}: closed loop, logging in, and reading one's own profile with a token;</li>
 * <li>{@code lag}: open loop at a fixed command rate, and the projections' lag as a client sees it
 * ({@link LagProbe});</li>
 * <li>{@code orders}: closed loop, N buyers each placing an order, waiting for its authorisation, having the seller
 * accept it and waiting for the capture: complete order flows through the loopback Stripe ({@link OrderLoad});</li>
 * <li>{@code stream}, {@code verify}, {@code replay [--projections a,b]}: read everything stored once
 * ({@link HistoryLoad}); they ignore clients and duration.</li>
 * </ul>
 * Prints a Markdown table with throughput and latency percentiles, and what the processes named by {@code --pid} (the
 * backend), {@code --es-pid} (Elasticsearch) and {@code --stripe-pid} (the loopback Stripe) cost in memory and CPU
 * ({@link ProcessWatch}). Usage: {@code ./bazaar bench --scenario write --clients 16 --duration 60 [--rate 500]
 * [--base URL]}.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var run = BenchRun.start(options);
        var listings = new ListingLoad(run);
        var watch = new ProcessWatch(run.option("pid", ""), run.option("es-pid", ""), run.option("stripe-pid", ""));
        String scenario = run.option("scenario", "write");
        int clients = Integer.parseInt(run.option("clients", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(run.option("duration", "60")));
        long warmup = Long.parseLong(run.option("warmup", "30"));
        if (warmup > 0 && Set.of("write", "lag", "ceiling").contains(scenario)) {
            // the JIT, connection pools and caches settle first; these numbers are thrown away
            System.out.println("warming up for " + warmup + " s");
            listings.write(Math.min(clients, 8), Duration.ofSeconds(warmup));
            awaitProjectionsCaughtUp(run);
        }
        watch.start();
        var history = new HistoryLoad(run.http(), run.admin());
        var timeline = new Timeline(duration.toSeconds());
        String result = switch (scenario) {
            case "write", "ceiling" -> listings.write(clients, duration, timeline)
                    + (run.option("every", null) == null ? "" : timeline.table("commands",
                            Integer.parseInt(run.option("every", "10")), duration.toSeconds()));
            case "read" -> listings.read(clients, duration, Integer.parseInt(run.option("listings", "2000")));
            case "lag" -> new LagProbe(run).lag(Integer.parseInt(run.option("rate", "500")), duration);
            case "login" -> listings.logins(clients, duration);
            case "me" -> listings.profileReads(clients, duration);
            case "orders" -> new OrderLoad(run).run(clients, duration);
            case "stream" -> history.stream();
            case "verify" -> history.verify();
            case "replay" -> history.replay(run.option("projections", null) != null
                    ? List.of(run.option("projections", "").split(",")) : projections(run));
            default -> throw new IllegalArgumentException(
                    "scenario must be write, ceiling, read, lag, login, me, orders, stream, verify or replay");
        };
        watch.stop();
        System.out.println(result + watch.report());
        if (scenario.equals("ceiling")) {
            System.out.println(ceiling(run, clients, duration, warmup, timeline.perSecond(duration.toSeconds())));
        }
        if (Measure.RATE_LIMITED.get()) {
            System.out.println("The backend's rate limits refused requests (429): start it with the raised limits"
                    + " shown in docs/benchmarks.md to measure throughput.");
        }
    }

    /** The same load against the bare endpoint, warmed up as long, and the write scenario's ratio to it. */
    private static String ceiling(BenchRun run, int clients, Duration duration, long warmup, double commandsPerSecond)
            throws Exception {
        var ceiling = new CeilingLoad(run, run.option("ceiling", "http://127.0.0.1:8099"));
        if (warmup > 0) {
            ceiling.run(Math.min(clients, 8), Duration.ofSeconds(warmup));
        }
        var watch = new ProcessWatch(run.option("ceiling-pid", ""), "", "");
        watch.start();
        var result = ceiling.run(clients, duration);
        watch.stop();
        String table = result.table(CeilingLoad.title(clients, duration), "inserts");
        return table + watch.report() + String.format(java.util.Locale.ROOT,
                "%nratio: %.0f commands/s against %.0f inserts/s of the bare endpoint = %.2f%n", commandsPerSecond,
                result.perSecond(), commandsPerSecond / result.perSecond());
    }

    /** Every projection the backend has, by name, as its admin API lists them. */
    private static List<String> projections(BenchRun run) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode projection : run.http().getAs("/api/v1/admin/projections", run.admin()).json()) {
            names.add(projection.get("name").asText());
        }
        return names;
    }

    /** Waits until no projection is behind the head, so one run's backlog does not count against the next. */
    private static void awaitProjectionsCaughtUp(BenchRun run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            var status = run.http().getAs("/api/v1/admin/projections", run.admin());
            boolean caughtUp = status.status() == 200;
            for (var projection : status.json()) {
                caughtUp &= projection.get("behind").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("projections did not catch up within 2 minutes");
    }

}
