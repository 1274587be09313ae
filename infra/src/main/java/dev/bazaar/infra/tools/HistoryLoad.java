package dev.bazaar.infra.tools;

import java.io.IOException;

/**
 * Scenarios that read the whole history rather than write it: {@code stream} pages through the event stream from the
 * first position to its horizon as an analytics consumer would (NDJSON, 10,000 events a page), and {@code verify}
 * asks the backend to recompute the audit hash chain.
 */
final class HistoryLoad {

    private final Http http;

    private final String token;

    HistoryLoad(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    String stream() throws IOException, InterruptedException {
        long head = http.getAs("/api/v1/events?limit=1", token).json().get("head").asLong();
        long after = 0;
        long events = 0;
        long bytes = 0;
        long pages = 0;
        long started = System.nanoTime();
        while (after < head) {
            var page = http.getAs("/api/v1/events?format=ndjson&limit=10000&after=" + after, token);
            if (page.status() != 200) {
                throw new IllegalStateException("the stream answered " + page.status() + ": " + page.body());
            }
            String body = page.body();
            long lines = body.isEmpty() ? 0 : body.chars().filter(c -> c == '\n').count();
            if (lines == 0) {
                break;
            }
            int lastLine = body.lastIndexOf('\n', body.length() - 2) + 1;
            after = http.json(body.substring(lastLine)).get("position").asLong();
            events += lines;
            bytes += body.length();
            pages++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("%n### stream: the whole history as NDJSON pages of 10,000%n%n"
                + "| events | pages | MB | seconds | events / s |%n|---|---|---|---|---|%n"
                + "| %,d | %,d | %.0f | %.1f | %,.0f |%n", events, pages, bytes / 1e6, seconds, events / seconds);
    }

    String verify() throws IOException, InterruptedException {
        var report = http.getAs("/api/v1/audit/verify", token);
        if (report.status() != 200) {
            throw new IllegalStateException("verification answered " + report.status() + ": " + report.body());
        }
        var json = report.json();
        return String.format("%n### verify: the audit hash chain recomputed from the event store%n%n"
                + "| status | positions | checkpoints | seconds | positions / s |%n|---|---|---|---|---|%n"
                + "| %s | %,d | %,d | %.1f | %,d |%n", json.get("status").asText(),
                json.get("positionsVerified").asLong(), json.get("checkpointsVerified").asLong(),
                json.get("millis").asLong() / 1000.0, json.get("positionsPerSecond").asLong());
    }

}
