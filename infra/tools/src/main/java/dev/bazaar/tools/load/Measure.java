package dev.bazaar.tools.load;

import dev.bazaar.tools.http.Http;
import dev.bazaar.tools.http.KeepAliveClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What every scenario measures with: latencies kept per answer, clients run in parallel, Markdown tables. */
final class Measure {

    /** Set when the backend's rate limits refused a request: the run then measured the limits, not the backend. */
    static final AtomicBoolean RATE_LIMITED = new AtomicBoolean();

    private Measure() {
    }

    /** Keeps the latency of an answer with the expected status; counts any other answer as an error. */
    static boolean record(Http.Answer answer, int expectedStatus, long nanos, ConcurrentLinkedQueue<Long> latencies,
            AtomicLong errors) {
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

    /** Nanoseconds from {@code from} until the check holds, polling gently; 30 s when it never does. */
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

    /** One request of a closed loop, on the client's kept-alive connection. */
    interface Call {

        Http.Answer on(KeepAliveClient client) throws Exception;

    }

    /** What a closed loop measured: the latencies of answers with the expected status, the rest as errors. */
    record Outcome(ConcurrentLinkedQueue<Long> latencies, long errors, double seconds) {

        double perSecond() {
            return latencies.size() / seconds;
        }

        String table(String title, String unit) {
            return Measure.table(title, unit, latencies, seconds, errors);
        }
    }

    /** N clients on {@code base}, each sending the next request as soon as the last was answered. */
    static Outcome closedLoop(String base, int clients, Duration duration, Call call, int expected) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runClients(clients, () -> {
            try (var client = new KeepAliveClient(base)) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var answer = call.on(client);
                    record(answer, expected, System.nanoTime() - t0, latencies, errors);
                }
            }
            return null;
        });
        return new Outcome(latencies, errors.get(), (System.nanoTime() - started) / 1e9);
    }

    static void runClients(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var futures = new ArrayList<Future<Void>>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(client::run));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    static String json(Object body) throws Exception {
        return Http.JSON.writeValueAsString(body);
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

}
