package dev.bazaar.infra.tools;

import dev.bazaar.projections.schema.ProjectionNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for a running Bazaar, over HTTP like any client. Scenarios:
 * <ul>
 * <li>{@code write}: closed loop, N clients each creating a listing then publishing it, as fast as answers come;</li>
 * <li>{@code read}: closed loop, N clients reading random listings by id ({@code GET /listings/{id}});</li>
 * <li>{@code lag}: open loop at a fixed command rate; for sampled listings, the time from the publish answer until
 * the listing reads as PUBLISHED, and until search finds it (projection lag as a client sees it);</li>
 * <li>{@code orders}: closed loop, N buyers each placing an order, waiting for its authorisation, having the seller
 * accept it and waiting for the capture: complete order flows through the loopback Stripe ({@link OrderLoad}).</li>
 * </ul>
 * Prints a Markdown table with throughput, latency percentiles and the peak RSS of the processes named by
 * {@code --pid} (the backend) and {@code --es-pid} (Elasticsearch), and the CPU time they, PostgreSQL, the loopback
 * Stripe ({@code --stripe-pid}) and the generator itself used, beside the machine's busy time: what a flow costs in
 * all, on a machine where they share the cores.
 * Usage: {@code ./bazaar bench --scenario write --clients 16 --duration 60 [--rate 500] [--base URL]}; the history
 * scenarios {@code stream}, {@code verify} and {@code replay [--projections a,b]} read everything stored once and
 * ignore clients and duration.
 */
public final class LoadGenerator {

    private final Http http;

    private final Map<String, String> options;

    private static final String SELLER_PASSWORD = "bench seller password";

    private static final java.util.concurrent.atomic.AtomicBoolean RATE_LIMITED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** A seller of this run's own, registered at the start: their access token, and their email. */
    private String seller;

    private String sellerEmail;

    private String admin;

    private final RssWatch rss;

    private UUID category;

    private LoadGenerator(Map<String, String> options) {
        this.options = options;
        this.http = new Http(option("base", "http://127.0.0.1:8080"), 256);
        this.rss = new RssWatch(option("pid", ""), option("es-pid", ""), option("stripe-pid", ""));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var generator = new LoadGenerator(options);
        generator.admin = generator.http.logInAsAdmin();
        generator.sellerEmail = "bench-" + UUID.randomUUID() + "@bench.bazaar.dev";
        generator.seller = generator.http.registerAndLogIn(generator.sellerEmail, SELLER_PASSWORD,
                "Benchmark seller", "seller");
        generator.category = generator.createCategory();
        String scenario = generator.option("scenario", "write");
        int clients = Integer.parseInt(generator.option("clients", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(generator.option("duration", "60")));
        long warmup = Long.parseLong(generator.option("warmup", "30"));
        if (warmup > 0 && Set.of("write", "lag").contains(scenario)) {
            // the JIT, connection pools and caches settle first; these numbers are thrown away
            System.out.println("warming up for " + warmup + " s");
            generator.write(Math.min(clients, 8), Duration.ofSeconds(warmup));
            generator.awaitProjectionsCaughtUp();
        }
        generator.rss.start();
        String result = switch (scenario) {
            case "write" -> generator.write(clients, duration);
            case "read" -> generator.read(clients, duration, Integer.parseInt(generator.option("listings", "2000")));
            case "lag" -> generator.lag(Integer.parseInt(generator.option("rate", "500")), duration);
            case "login" -> generator.logins(clients, duration);
            case "me" -> generator.profileReads(clients, duration);
            case "orders" -> new OrderLoad(generator.http, generator.seller, generator.category, generator)
                    .run(clients, duration);
            case "stream" -> new HistoryLoad(generator.http, generator.admin).stream();
            case "verify" -> new HistoryLoad(generator.http, generator.admin).verify();
            case "replay" -> new HistoryLoad(generator.http, generator.admin).replay(List.of(generator.option(
                    "projections", String.join(",", ProjectionNames.ALL)).split(",")));
            default -> throw new IllegalArgumentException(
                    "scenario must be write, read, lag, login, me, orders, stream, verify or replay");
        };
        generator.rss.stop();
        System.out.println(result + generator.rss.report());
        if (RATE_LIMITED.get()) {
            System.out.println("The backend's rate limits refused requests (429): start it with the raised limits"
                    + " shown in docs/benchmarks.md to measure throughput.");
        }
    }

    private String write(int clients, Duration duration) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runClients(clients, () -> {
            try (var client = new KeepAliveClient(base())) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var created = client.post("/api/v1/listings", seller, json(listing(token())));
                    long t1 = System.nanoTime();
                    if (!record(created, 201, t1 - t0, latencies, errors)) {
                        continue;
                    }
                    var published = client.post("/api/v1/listings/" + created.json().get("id").asText() + "/publish",
                            seller, null);
                    record(published, 200, System.nanoTime() - t1, latencies, errors);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return table("write: create + publish listing, " + clients + " clients, " + duration.toSeconds() + " s",
                "commands", latencies, seconds, errors.get());
    }

    /** Logging in, closed loop: bcrypt verification plus a refresh-token row per login. */
    private String logins(int clients, Duration duration) throws Exception {
        String credentials = json(Map.of("email", sellerEmail, "password", SELLER_PASSWORD));
        return closedLoop("login: POST /api/v1/auth/token, " + clients + " clients, " + duration.toSeconds() + " s",
                "logins", clients, duration, client -> client.post("/api/v1/auth/token", null, credentials), 200);
    }

    /** An authenticated read: token check, account check, profile row, and opening its sealed fields. */
    private String profileReads(int clients, Duration duration) throws Exception {
        return closedLoop("me: GET /api/v1/users/me with a token, " + clients + " clients, " + duration.toSeconds()
                + " s", "requests", clients, duration, client -> client.getAs("/api/v1/users/me", seller), 200);
    }

    private interface Call {
        Http.Answer on(KeepAliveClient client) throws Exception;
    }

    private String closedLoop(String title, String unit, int clients, Duration duration, Call call, int expected)
            throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runClients(clients, () -> {
            try (var client = new KeepAliveClient(base())) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var answer = call.on(client);
                    record(answer, expected, System.nanoTime() - t0, latencies, errors);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return table(title, unit, latencies, seconds, errors.get());
    }

    private String read(int clients, Duration duration, int listings) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        runClients(16, () -> {
            while (ids.size() < listings) {
                var created = http.post("/api/v1/listings", seller, listing(token()));
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

    /** Open loop: a pair (create, publish) starts every 2/rate seconds, whatever the answers do. */
    private String lag(int commandsPerSecond, Duration duration) throws Exception {
        var lagBefore = lagBuckets();
        var commandLatencies = new ConcurrentLinkedQueue<Long>();
        var readModelLag = new ConcurrentLinkedQueue<Long>();
        var searchLag = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long periodNanos = 2_000_000_000L / commandsPerSecond;
        int sampleEvery = Integer.parseInt(option("sample-every", "50"));
        ExecutorService workers = Executors.newFixedThreadPool(128);
        ThreadLocal<KeepAliveClient> clients = ThreadLocal.withInitial(() -> new KeepAliveClient(base()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        var pairs = new AtomicLong();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long intended = System.nanoTime();
            long n = pairs.incrementAndGet();
            workers.submit(() -> {
                try {
                    String token = token();
                    var client = clients.get();
                    var created = client.post("/api/v1/listings", seller, json(listing(token)));
                    long t1 = System.nanoTime();
                    if (created.status() != 201) {
                        errors.incrementAndGet();
                        return;
                    }
                    commandLatencies.add(t1 - intended);
                    String id = created.json().get("id").asText();
                    var published = client.post("/api/v1/listings/" + id + "/publish", seller, null);
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
        var pattern = java.util.regex.Pattern.compile(
                "bazaar_projection_lag_seconds_bucket\\{.*projection=\"([^\"]+)\".*le=\"([^\"]+)\".*} ([0-9.eE+]+)");
        http.getAs("/actuator/prometheus", admin).body().lines().forEach(line -> {
            var match = pattern.matcher(line);
            if (match.matches()) {
                double le = "+Inf".equals(match.group(2)) ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(match.group(2));
                buckets.computeIfAbsent(match.group(1), p -> new TreeMap<>())
                        .put(le, (long) Double.parseDouble(match.group(3)));
            }
        });
        return buckets;
    }

    /** Waits until no projection is behind the head, so one run's backlog does not count against the next. */
    private void awaitProjectionsCaughtUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            var status = http.getAs("/api/v1/admin/projections", admin);
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

    /** Keeps the latency of an answer with the expected status; counts any other answer as an error. */
    static boolean record(Http.Answer answer, int expectedStatus, long nanos,
            ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) {
        if (answer.status() != expectedStatus) {
            errors.incrementAndGet();
            RATE_LIMITED.compareAndSet(false, answer.status() == 429);
            return false;
        }
        latencies.add(nanos);
        return true;
    }

    interface Check {

        boolean done() throws Exception;

    }

    static long until(long from, Check check) throws Exception {
        long deadline = from + TimeUnit.SECONDS.toNanos(30);
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                return TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(20); // gentle: the polling must not become the load it measures
        }
        return System.nanoTime() - from;
    }

    interface Client {

        Void run() throws Exception;

    }

    static void runClients(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var futures = new ArrayList<java.util.concurrent.Future<Void>>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(client::run));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private UUID createCategory() throws Exception {
        var created = http.post("/api/v1/categories", admin,
                Map.of("name", "Benchmark " + UUID.randomUUID().toString().substring(0, 8)));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create the benchmark category: " + created.body());
        }
        return UUID.fromString(created.json().get("id").asText());
    }

    private Map<String, Object> listing(String token) {
        return Map.of("title", "Benchmark lamp " + token, "description", "Made by the load generator",
                "categoryId", category, "price", Map.of("amountMinor", 1000 + ThreadLocalRandom.current().nextInt(9000),
                        "currency", "EUR"), "quantity", 5, "imageUrls", List.of("https://img.example/bench.jpg"));
    }

    /** A word no other listing has, so search can tell this listing apart. */
    private static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("bz");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static void closeQuietly(KeepAliveClient client) {
        try {
            client.close();
        }
        catch (java.io.IOException e) {
            // already broken; a new connection follows
        }
    }

    String base() {
        return option("base", "http://127.0.0.1:8080");
    }

    static String json(Object body) throws Exception {
        return Http.JSON.writeValueAsString(body);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    static String table(String title, String unit, ConcurrentLinkedQueue<Long> latencies, double seconds,
            long errors) {
        return "\n### " + title + "\n\n| what | count | per second | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %d |%n", unit, latencies.size(),
                        latencies.size() / seconds, percentiles(latencies), errors);
    }

    static String row(String what, ConcurrentLinkedQueue<Long> values) {
        return String.format(Locale.ROOT, "| %s | %d | | %s | |%n", what, values.size(), percentiles(values));
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> values) {
        if (values.isEmpty()) {
            return "- | - | - | -";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.1f", ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** Samples the resident set size of the backend and Elasticsearch once a second; reports the peak. */
    private static final class RssWatch {

        private final String backendPid;

        private final String esPid;

        private final String stripePid;

        private final String ownPid = String.valueOf(ProcessHandle.current().pid());

        private final AtomicLong backendPeak = new AtomicLong();

        private final AtomicLong esPeak = new AtomicLong();

        private ScheduledExecutorService sampler;

        private long[] cpuAtStart;

        private long[] cpuAtStop;

        private Map<String, Long> postgresAtStart;

        private long postgresTicks;

        private long startedNanos;

        private long stoppedNanos;

        RssWatch(String backendPid, String esPid, String stripePid) {
            this.backendPid = backendPid;
            this.esPid = esPid;
            this.stripePid = stripePid;
        }

        void start() {
            cpuAtStart = cpuTicks();
            postgresAtStart = postgresTicks();
            startedNanos = System.nanoTime();
            sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rss");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(() -> {
                backendPeak.accumulateAndGet(rssKb(backendPid), Math::max);
                esPeak.accumulateAndGet(rssKb(esPid), Math::max);
            }, 0, 1, TimeUnit.SECONDS);
        }

        void stop() {
            sampler.shutdownNow();
            cpuAtStop = cpuTicks();
            postgresTicks = postgresTicks().entrySet().stream().filter(e -> postgresAtStart.containsKey(e.getKey()))
                    .mapToLong(e -> e.getValue() - postgresAtStart.get(e.getKey())).sum();
            stoppedNanos = System.nanoTime();
        }

        String report() {
            return String.format(Locale.ROOT, "%npeak RSS during the run: backend %s, Elasticsearch %s%n",
                    mb(backendPeak.get()), mb(esPeak.get())) + String.format(Locale.ROOT,
                    "CPU during the run (%.0f s; seconds of one core): backend %s, PostgreSQL %.1f, "
                    + "Elasticsearch %s, loopback Stripe %s, load generator %s; the machine's %d cores busy %.1f%n",
                    (stoppedNanos - startedNanos) / 1e9, cpu(backendPid, 0), postgresTicks / TICKS_PER_SECOND,
                    cpu(esPid, 1), cpu(stripePid, 2), cpu(ownPid, 3), Runtime.getRuntime().availableProcessors(),
                    (cpuAtStop[4] - cpuAtStart[4]) / TICKS_PER_SECOND);
        }

        /** Linux counts CPU time in clock ticks, 100 a second on every kernel we run on. */
        private static final double TICKS_PER_SECOND = 100.0;

        private String cpu(String pid, int index) {
            return pid.isBlank() ? "not measured" : String.format(Locale.ROOT, "%.1f",
                    (cpuAtStop[index] - cpuAtStart[index]) / TICKS_PER_SECOND);
        }

        /** User plus system ticks of the backend, Elasticsearch, the loopback Stripe, this generator; the machine's. */
        private long[] cpuTicks() {
            return new long[] {ticks(readStat(backendPid)), ticks(readStat(esPid)), ticks(readStat(stripePid)),
                ticks(readStat(ownPid)), machineBusyTicks()};
        }

        /** The first line of /proc/stat: every core's ticks by kind; busy is all but idle and I/O wait. */
        private static long machineBusyTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(fields.length, 9); i++) {
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
                }
                return busy;
            }
            catch (Exception e) {
                return 0;
            }
        }

        /** Ticks of every PostgreSQL process by pid; the run counts those alive at both ends (pooled connections). */
        private static Map<String, Long> postgresTicks() {
            Map<String, Long> ticks = new HashMap<>();
            try (var processes = Files.list(Path.of("/proc"))) {
                processes.map(path -> path.getFileName().toString()).filter(pid -> pid.matches("\\d+"))
                        .forEach(pid -> {
                            String stat = readStat(pid);
                            if (stat.contains("(postgres)")) {
                                ticks.put(pid, ticks(stat));
                            }
                        });
            }
            catch (Exception e) {
                return ticks;
            }
            return ticks;
        }

        private static String readStat(String pid) {
            try {
                return pid.isBlank() ? "" : Files.readString(Path.of("/proc", pid, "stat"));
            }
            catch (Exception e) {
                return "";
            }
        }

        /** utime + stime: fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
        private static long ticks(String stat) {
            int end = stat.lastIndexOf(')');
            if (end < 0) {
                return 0;
            }
            String[] fields = stat.substring(end + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static String mb(long kb) {
            return kb == 0 ? "not measured (pass --pid / --es-pid)" : (kb / 1024) + " MB";
        }

        private static long rssKb(String pid) {
            if (pid.isBlank()) {
                return 0;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
            catch (Exception e) {
                return 0;
            }
            return 0;
        }

    }

}
