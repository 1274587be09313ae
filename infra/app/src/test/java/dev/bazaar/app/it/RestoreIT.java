package dev.bazaar.app.it;

import dev.bazaar.app.recovery.RestoreCheck;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and point-in-time restore with the project's own scripts (pgBackRest from Debian, WAL archived by the
 * local PostgreSQL): this run's database restored as of an instant into a cluster of its own, a backend started on
 * it, and {@link RestoreCheck} run against it, as {@code ./bazaar restore} does. Also: forgotten stays forgotten,
 * for a forget before and one after the instant.
 */
class RestoreIT extends IntegrationTest {

    private static final int RESTORE_PORT = 5434;

    @Test
    void a_restore_to_an_instant_has_what_was_committed_before_it_and_forgets_everyone_forgotten_since()
            throws Exception {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        var seller = aSeller();
        UUID category = aCategory("Restored lamps");
        var forgottenBefore = aUser("buyer");
        var forgottenAfter = aUser("buyer");
        shell("pitr_backup full");

        assertThat(admin.post("/api/v1/users/" + forgottenBefore.userId() + "/forget").status()).isEqualTo(200);
        var kept = seller.post("/api/v1/listings", aListing(category, "Lamp before the disaster", 1200));
        assertThat(kept.status()).isEqualTo(201);
        Thread.sleep(1100);
        Instant disaster = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, disaster.toEpochMilli() - System.currentTimeMillis()) + 1100);
        var lost = seller.post("/api/v1/listings", aListing(category, "Lamp after the disaster", 1300));
        assertThat(lost.status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/users/" + forgottenAfter.userId() + "/forget").status()).isEqualTo(200);

        Instant restoreStarted = Instant.now();
        shell("pitr_restore '" + disaster + "' " + database);
        var restored = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + RESTORE_PORT + "/" + database, "bazaar", "bazaar"));
        try {
            assertThat(eventsOf(restored, kept.id())).as("committed before the instant").isPositive();
            assertThat(eventsOf(restored, lost.id())).as("committed after the instant").isZero();
            assertThat(keyOf(restored, forgottenBefore.userId())).as("forgotten before the instant").isZero();
            assertThat(keyOf(restored, forgottenAfter.userId())).as("forgotten after: the key is back").isOne();

            var arguments = RoleInstances.arguments("restore", "jdbc:postgresql://127.0.0.1:" + RESTORE_PORT + "/"
                    + database, "http://127.0.0.1:9", WEBHOOK_SECRET);
            try (var backend = AppProcess.start("restore", arguments).awaitReady()) {
                var printed = new ByteArrayOutputStream();
                var report = RestoreCheck.check(new RestoreCheck.Options(
                        "jdbc:postgresql://127.0.0.1:" + RESTORE_PORT + "/" + database, "bazaar", "bazaar",
                        URI.create("http://127.0.0.1:" + backend.port()), ADMIN_EMAIL, ADMIN_PASSWORD,
                        Path.of(System.getenv("BAZAAR_KEY_DIR")).resolve("erasures.log"), disaster, restoreStarted),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
                String output = printed.toString(StandardCharsets.UTF_8);
                System.out.print(output);

                assertThat(report.passed()).as(output).isTrue();
                assertThat(report.chainVerified()).as(output).isTrue();
                assertThat(report.ledgerHolds()).as(output).isTrue();
                assertThat(report.mismatches()).as(output).isEmpty();
                assertThat(report.forgottenAgain()).as(output).isGreaterThanOrEqualTo(1);
                assertThat(report.headStoredAt()).isBefore(disaster);
                assertThat(output).contains("RESTORE CHECK PASSED").contains("same after the rebuild");
                assertThat(keyOf(restored, forgottenAfter.userId())).as("forgotten again by the check").isZero();
                var profile = logIn(Api.at(backend.port()), ADMIN_EMAIL, ADMIN_PASSWORD)
                        .get("/api/v1/users/" + forgottenAfter.userId());
                assertThat(profile.json().get("status").asText()).as(profile.toString()).isEqualTo("forgotten");
                assertThat(profile.json().get("displayName").asText()).isEqualTo("[redacted]");
            }
        } finally {
            shell("stop_restored");
        }
    }

    @Test
    void a_restore_to_an_instant_outside_the_recoverable_window_is_refused_and_changes_nothing() throws Exception {
        var refused = run("pitr_restore '2001-01-01T00:00:00Z' bazaar_nothing");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("outside the recoverable window").contains("nothing was changed");
        var future = run("pitr_restore '" + Instant.now().plusSeconds(3600) + "' bazaar_nothing");
        assertThat(future.exitCode()).isNotZero();
        assertThat(future.output()).contains("outside the recoverable window");
    }

    private static long eventsOf(JdbcTemplate db, UUID aggregate) {
        return db.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregate.toString());
    }

    private static long keyOf(JdbcTemplate db, UUID user) {
        return db.queryForObject("SELECT count(*) FROM user_data_key WHERE user_id = ?", Long.class, user);
    }

    private record Ran(int exitCode, String output) {
    }

    private static void shell(String functionCall) throws Exception {
        var ran = run(functionCall);
        assertThat(ran.exitCode()).as(functionCall + ":\n" + ran.output()).isZero();
    }

    /** One of infra/app/scripts' functions, as the bazaar script calls it. */
    private static Ran run(String functionCall) throws IOException, InterruptedException {
        Path log = Files.createTempFile("bazaar-restore", ".log");
        var process = new ProcessBuilder(List.of("bash", "-c", "source scripts/services.sh && " + functionCall))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(functionCall + " did not finish in 10 minutes; log: " + log);
        }
        return new Ran(process.exitValue(), Files.readString(log));
    }

}
