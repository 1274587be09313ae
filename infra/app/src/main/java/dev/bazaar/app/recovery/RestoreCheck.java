package dev.bazaar.app.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.app.privacy.ErasureLog;
import dev.bazaar.audit.chain.VerifyCommand;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.ProjectionTables;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code ./bazaar restore}'s checks of a restored database, with a backend started on it: the restored head against
 * the instant asked for (RPO), the time until the API served (RTO), the erasure log re-applied (forgotten stays
 * forgotten), every projection caught up, the audit hash chain verified up to the restored head, the ledger
 * invariants, and every projection with tables rebuilt from the restored store and compared, table by table (row
 * counts and checksums), with what it held before. Exits 0 when every check passes.
 */
public final class RestoreCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Duration PATIENCE = Duration.ofMinutes(30);

    /** What the check needs; {@code restoreStarted} is when the restore began, for the RTO. */
    public record Options(String dbUrl, String dbUser, String dbPassword, URI api, String adminEmail,
            String adminPassword, Path erasureLog, Instant instant, Instant restoreStarted) {
    }

    /** What the checks found. */
    public record Report(long restoredHead, Instant headStoredAt, Duration rto, int forgottenAgain,
            boolean chainVerified, boolean ledgerHolds, Map<String, String> mismatches) {

        public boolean passed() {
            return chainVerified && ledgerHolds && mismatches.isEmpty();
        }
    }

    private final Options options;

    private final PrintStream out;

    private String token;

    private RestoreCheck(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(check(parse(args), System.out).passed() ? 0 : 1);
    }

    public static Report check(Options options, PrintStream out) throws Exception {
        return new RestoreCheck(options, out).run();
    }

    private Report run() throws Exception {
        try (Connection db = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            long head = single(db, "SELECT coalesce(max(global_index), -1) FROM domain_event_entry");
            String storedAt = text(db, "SELECT time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
            Instant headAt = storedAt == null ? null : Instant.parse(storedAt);
            out.printf("restored head: position %d, stored at %s (asked for %s)%n", head, headAt, options.instant());
            Map<String, String> asRestored = checksums(db);

            awaitReady();
            Duration rto = Duration.between(options.restoreStarted(), Instant.now());
            out.printf("the API serves %.1f s after the restore began (RTO)%n", rto.toMillis() / 1000.0);
            token = logIn();
            int forgotten = forgetAgain(db);
            long target = single(db, "SELECT coalesce(max(global_index), -1) FROM domain_event_entry");
            awaitProjectionsAt(target);
            awaitChainAt(db, target);
            boolean chain = VerifyCommand.run(new String[] {"--db-url", options.dbUrl()}, out) == 0;
            JsonNode ledger = get("/api/v1/ledger/invariants?consistentWith=" + target);
            boolean ledgerHolds = ledger.path("holds").asBoolean(false);
            out.println("ledger invariants: " + (ledgerHolds ? "hold" : "BROKEN " + ledger));
            Map<String, String> caughtUp = checksums(db);
            out.printf("since the restore, the backend on it appended %d events of its own (the erasure log, "
                    + "deadlines and sweeps that came due, the payment process's retries)%n", target - head);
            caughtUp.forEach((table, sum) -> {
                if (!sum.equals(asRestored.get(table))) {
                    out.printf("  %s changed since the restore, by those events%n", table);
                }
            });

            Map<String, String> mismatches = rebuildAndCompare(db, caughtUp);
            var report = new Report(head, headAt, rto, forgotten, chain, ledgerHolds, mismatches);
            out.println(report.passed() ? "RESTORE CHECK PASSED" : "RESTORE CHECK FAILED: " + report);
            return report;
        }
    }

    /** Users the erasure log names whose key the restored database holds again: forgotten through the API. */
    private int forgetAgain(Connection db) throws Exception {
        Map<UUID, Instant> log = new ErasureLog(options.erasureLog()).read();
        int again = 0;
        for (UUID user : log.keySet()) {
            if (hasKey(db, user)) {
                var answer = send(HttpRequest.newBuilder(options.api().resolve("/api/v1/users/" + user + "/forget"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Could not forget " + user + " again: " + answer.body());
                }
                again++;
            }
        }
        out.printf("erasure log: %d users, %d forgotten again (restored from before their forget)%n", log.size(),
                again);
        return again;
    }

    private Map<String, String> rebuildAndCompare(Connection db, Map<String, String> before) throws Exception {
        List<String> projections = new ArrayList<>();
        for (String projection : ProjectionNames.ALL) {
            if (!ProjectionTables.of(projection).isEmpty()) {
                projections.add(projection);
            }
        }
        for (String projection : projections) {
            var started = send(HttpRequest.newBuilder(options.api().resolve("/api/v1/admin/projections/" + projection
                    + "/rebuild")).POST(HttpRequest.BodyPublishers.noBody()));
            if (started.statusCode() != 202) {
                throw new IllegalStateException("Could not rebuild " + projection + ": " + started.body());
            }
            awaitRebuilt(projection);
        }
        Map<String, String> after = checksums(db);
        Map<String, String> mismatches = new TreeMap<>();
        before.forEach((table, sum) -> {
            boolean same = sum.equals(after.get(table));
            out.printf("  %-26s %s%s%n", table, sum,
                    same ? "  same after the rebuild" : "  DIFFERS: " + after.get(table));
            if (!same) {
                mismatches.put(table, sum + " before, " + after.get(table) + " rebuilt");
            }
        });
        out.printf("rebuilt %d projections from the restored store: %s%n", projections.size(),
                mismatches.isEmpty() ? "every table the same" : mismatches.size() + " tables differ");
        return mismatches;
    }

    /** Per table: row count and an order-independent checksum of the rows. */
    private static Map<String, String> checksums(Connection db) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        for (String projection : ProjectionNames.ALL) {
            for (var table : ProjectionTables.of(projection)) {
                String name = table.getName();
                try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '-') "
                                + "FROM " + name + " t")) {
                    row.next();
                    sums.put(name, row.getLong(1) + " rows, " + row.getString(2));
                }
            }
        }
        return sums;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(options.api().resolve("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The backend on the restored database was not ready within " + PATIENCE);
    }

    private void awaitProjectionsAt(long position) throws Exception {
        await("every projection at position " + position, () -> {
            for (JsonNode projection : get("/api/v1/admin/projections")) {
                if (projection.path("position").asLong() < position) {
                    return false;
                }
            }
            return true;
        });
    }

    private void awaitChainAt(Connection db, long position) throws Exception {
        await("the audit chain at position " + position,
                () -> single(db, "SELECT coalesce(max(position), -1) FROM audit_chain") >= position);
    }

    private void awaitRebuilt(String projection) throws Exception {
        await("the rebuild of " + projection, () -> {
            JsonNode status = get("/api/v1/admin/projections/" + projection);
            if ("failed".equals(status.path("rebuildPhase").asText())) {
                throw new IllegalStateException("The rebuild of " + projection + " failed: " + status);
            }
            return !status.path("rebuilding").asBoolean() && "done".equals(status.path("rebuildPhase").asText());
        });
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }

    private String logIn() throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", options.adminEmail(), "password",
                options.adminPassword()));
        var answer = HTTP.send(HttpRequest.newBuilder(options.api().resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The admin could not log in to the restored backend: " + answer.body());
        }
        return JSON.readTree(answer.body()).get("accessToken").asText();
    }

    private JsonNode get(String path) throws Exception {
        var answer = send(HttpRequest.newBuilder(options.api().resolve(path)).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean hasKey(Connection db, UUID user) throws SQLException {
        try (var statement = db.prepareStatement("SELECT 1 FROM user_data_key WHERE user_id = ?")) {
            statement.setObject(1, user);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static Options parse(String[] args) {
        Map<String, String> given = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        List<String> known = List.of("db-url", "db-user", "db-password", "api", "admin-email", "admin-password",
                "erasure-log", "instant", "restore-started");
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (known: --" + String.join(", --",
                        known) + ")");
            }
        }
        return new Options(required(given, "db-url"), given.getOrDefault("db-user", "bazaar"),
                given.getOrDefault("db-password", "bazaar"), URI.create(required(given, "api")),
                required(given, "admin-email"), required(given, "admin-password"),
                Path.of(required(given, "erasure-log")), Instant.parse(required(given, "instant")),
                Instant.ofEpochSecond(Long.parseLong(required(given, "restore-started"))));
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

}
