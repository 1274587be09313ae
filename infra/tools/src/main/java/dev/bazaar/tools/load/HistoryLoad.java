package dev.bazaar.tools.load;

import dev.bazaar.tools.http.Http;
import java.io.IOException;
import java.util.List;

/**
 * Scenarios that read the whole history rather than write it: {@code stream} pages through the event stream from the
 * first position to its horizon as an analytics consumer would (NDJSON, 10,000 events a page), and {@code verify}
 * asks the backend to recompute the audit hash chain, {@code replay} rebuilds projections from the first event, one
 * after the other, and times each until it has passed the position the store's head had when it started.
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

    String replay(List<String> projections) throws IOException, InterruptedException {
        var out = new StringBuilder(String.format("%n### replay: projections rebuilt from the first event, one at a "
                + "time%n%n| projection | rebuilt | positions | seconds | positions / s |%n|---|---|---|---|---|%n"));
        for (String projection : projections) {
            long started = System.nanoTime();
            var rebuild = http.post("/api/v1/admin/projections/" + projection + "/rebuild", token, null);
            if (rebuild.status() != 202) {
                throw new IllegalStateException("rebuilding " + projection + " answered " + rebuild.status() + ": "
                        + rebuild.body());
            }
            long target = rebuild.json().get("rebuildTarget").asLong();
            String how = "in-place".equals(rebuild.json().get("rebuildPhase").asText()) ? "in place" : "beside";
            while (true) {
                Thread.sleep(100);
                var status = http.getAs("/api/v1/admin/projections/" + projection, token).json();
                if (status.get("error").asBoolean() || "failed".equals(status.get("rebuildPhase").asText())) {
                    throw new IllegalStateException(projection + " failed while rebuilding: " + status);
                }
                if (!status.get("rebuilding").asBoolean()) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.append(String.format("| %s | %s | %,d | %.1f | %,.0f |%n", projection, how, target, seconds,
                    target / seconds));
        }
        return out.toString();
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
