package dev.bazaar.tools.load;

import dev.bazaar.tools.http.KeepAliveClient;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static dev.bazaar.tools.load.Measure.json;
import static dev.bazaar.tools.load.Measure.record;
import static dev.bazaar.tools.load.Measure.runClients;
import static dev.bazaar.tools.load.Measure.table;

/**
 * The write scenario's ceiling: the same clients and bodies against the bare endpoint of
 * {@code dev.bazaar.tools.ceiling.CeilingServer}, one event-shaped INSERT per POST.
 */
final class CeilingLoad {

    private final BenchRun run;

    private final String base;

    CeilingLoad(BenchRun run, String base) {
        this.run = run;
        this.base = base;
    }

    /** Requests per second served, and the table. */
    Result run(int clients, Duration duration) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runClients(clients, () -> {
            try (var client = new KeepAliveClient(base)) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var answer = client.post("/ceiling/events", null, json(run.listing(BenchRun.token())));
                    record(answer, 201, System.nanoTime() - t0, latencies, errors);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(latencies.size() / seconds, table("ceiling: POST /ceiling/events (one INSERT), " + clients
                + " clients, " + duration.toSeconds() + " s", "inserts", latencies, seconds, errors.get()));
    }

    record Result(double perSecond, String table) {
    }

}
