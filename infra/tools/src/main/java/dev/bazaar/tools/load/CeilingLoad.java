package dev.bazaar.tools.load;

import java.time.Duration;

import static dev.bazaar.tools.load.Measure.json;

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

    Measure.Outcome run(int clients, Duration duration) throws Exception {
        return Measure.closedLoop(base, clients, duration,
                client -> client.post("/ceiling/events", null, json(run.listing(BenchRun.token()))), 201);
    }

    static String title(int clients, Duration duration) {
        return "ceiling: POST /ceiling/events (one INSERT), " + clients + " clients, " + duration.toSeconds() + " s";
    }

}
