package dev.bazaar.app.it;

import dev.bazaar.readmodel.audit.AuditKeys;
import dev.bazaar.audit.chain.VerifyCommand;
import dev.bazaar.readmodel.audit.ChainLink;
import dev.bazaar.readmodel.audit.CheckpointKey;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.eventstore.rows.StoredEvent;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain over the event store: it covers every event, names a rewritten one, and the store refuses edits.
 * Checkpoints every 10 positions in tests ({@link IntegrationTest}).
 */
class AuditChainIT extends IntegrationTest {

    @Test
    void every_stored_event_is_chained_and_the_whole_history_verifies() {
        long position = aCategoryCreatedAt("Chained");
        awaitChainedThrough(position);

        var report = admin.get("/api/v1/audit/verify");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("status").asText()).isEqualTo("OK");
        assertThat(report.json().get("verifiedThrough").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(report.json().get("positionsVerified").asLong()).isEqualTo(report.json().get("verifiedThrough")
                .asLong());
        assertThat(report.json().get("checkpointsVerified").asLong()).isGreaterThanOrEqualTo(position / 10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain c JOIN domain_event_entry e "
                + "ON e.global_index = c.position AND e.event_identifier = c.event_identifier WHERE c.position <= ?",
                Long.class, position)).isEqualTo(storedEventsThrough(position));
    }

    @Test
    void an_event_altered_in_the_database_is_named_by_its_position() throws SQLException {
        long position = aCategoryCreatedAt("Tampered");
        awaitChainedThrough(position);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        try {
            asTableOwner(owner -> update(owner, "UPDATE domain_event_entry SET payload = payload || '\\x20'::bytea "
                    + "WHERE global_index = ?", position));

            var report = admin.get("/api/v1/audit/verify").json();

            assertThat(report.get("status").asText()).isEqualTo("DIVERGED");
            assertThat(report.get("firstDivergence").get("position").asLong()).isEqualTo(position);
            assertThat(report.get("firstDivergence").get("reason").asText()).contains("differs");
            assertThat(report.get("verifiedThrough").asLong()).isEqualTo(position - 1);
        } finally {
            asTableOwner(owner -> update(owner, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    original, position));
        }
        assertThat(admin.get("/api/v1/audit/verify").json().get("status").asText()).isEqualTo("OK");
    }

    @Test
    void history_rewritten_together_with_its_chain_is_caught_at_the_next_signed_checkpoint() throws SQLException {
        long last = aCategoryCreatedAt("Rewritten");
        while (last < 30) {
            last = aCategoryCreatedAt("Rewritten");
        }
        awaitChainedThrough(last);
        long checkpoint = jdbc.queryForObject("SELECT max(position) FROM audit_checkpoint", Long.class);
        long victim = jdbc.queryForObject("SELECT max(position) FROM audit_chain WHERE position < ? "
                + "AND event_identifier IS NOT NULL", Long.class, checkpoint);
        var originalDigests = jdbc.queryForList("SELECT position, digest FROM audit_chain WHERE position >= ? "
                + "AND position <= ?", victim, checkpoint);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, victim);
        try {
            asTableOwner(owner -> {
                update(owner, "UPDATE domain_event_entry SET payload = payload || '\\x20'::bytea "
                        + "WHERE global_index = ?", victim);
                recomputeChain(owner, victim, checkpoint);
            });

            var report = admin.get("/api/v1/audit/verify").json();

            assertThat(report.get("status").asText()).isEqualTo("DIVERGED");
            assertThat(report.get("firstDivergence").get("position").asLong()).isEqualTo(checkpoint);
            assertThat(report.get("firstDivergence").get("reason").asText()).contains("signed checkpoint");
        } finally {
            asTableOwner(owner -> {
                update(owner, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, victim);
                for (var row : originalDigests) {
                    update(owner, "UPDATE audit_chain SET digest = ? WHERE position = ?", row.get("digest"),
                            row.get("position"));
                }
            });
        }
        assertThat(admin.get("/api/v1/audit/verify").json().get("status").asText()).isEqualTo("OK");
    }

    /** What a forger with the database would do: make every chain row from the rewritten event on agree with it. */
    private static void recomputeChain(Connection owner, long from, long through) throws SQLException {
        var link = new ChainLink();
        byte[] digest;
        try (var previous = owner.prepareStatement("SELECT digest FROM audit_chain WHERE position = ?")) {
            previous.setLong(1, from - 1);
            var row = previous.executeQuery();
            digest = row.next() ? row.getBytes(1) : ChainLink.GENESIS;
        }
        try (var events = EventRowQuery.events().positions(from - 1, through).prepare(owner, 1_000);
                var update = owner.prepareStatement("UPDATE audit_chain SET digest = ? WHERE position = ?")) {
            var rows = events.executeQuery();
            long expected = from;
            while (rows.next()) {
                var event = StoredEvent.read(rows);
                for (; expected < event.position(); expected++) {
                    digest = link.next(digest, StoredEvent.gapBytes(expected));
                    update.setBytes(1, digest);
                    update.setLong(2, expected);
                    update.executeUpdate();
                }
                digest = link.next(digest, event.canonicalBytes());
                update.setBytes(1, digest);
                update.setLong(2, event.position());
                update.executeUpdate();
                expected = event.position() + 1;
            }
            for (; expected <= through; expected++) {
                digest = link.next(digest, StoredEvent.gapBytes(expected));
                update.setBytes(1, digest);
                update.setLong(2, expected);
                update.executeUpdate();
            }
        }
    }

    @Test
    void the_application_can_neither_update_nor_delete_nor_truncate_events() {
        long position = aCategoryCreatedAt("Append only");

        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET time_stamp = time_stamp "
                + "WHERE global_index = ?", position)).isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", position))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry CASCADE"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index = ?", Long.class,
                position)).isOne();
    }

    @Test
    void the_command_line_verifies_straight_against_postgresql_with_the_published_key_alone() throws Exception {
        awaitChainedThrough(aCategoryCreatedAt("Verified offline"));
        String publicKey = admin.get("/api/v1/audit/chain").json().get("key").get("publicKey").asText();
        var out = new ByteArrayOutputStream();

        int exit = VerifyCommand.run(new String[] {"--db-url", System.getenv("BAZAAR_DB_URL"), "--public-key",
                publicKey}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\" : \"OK\"");
    }

    @Test
    void a_position_no_transaction_will_fill_is_chained_as_a_gap() {
        Long lost = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        long after = aCategoryCreatedAt("After a gap");
        awaitChainedThrough(after);

        assertThat(jdbc.queryForObject("SELECT event_identifier IS NULL FROM audit_chain WHERE position = ?",
                Boolean.class, lost)).isTrue();
        assertThat(admin.get("/api/v1/audit/verify").json().get("status").asText()).isEqualTo("OK");
    }

    @Test
    void checkpoints_are_signed_by_the_key_the_chain_publishes() throws Exception {
        long last = aCategoryCreatedAt("Signed");
        while (last < 20) { // past at least one checkpoint, even as the first test of a run
            last = aCategoryCreatedAt("Signed");
        }
        awaitChainedThrough(last);
        var chain = admin.get("/api/v1/audit/chain").json();
        var published = new CheckpointKey(null, AuditKeys.publicKeyFromX509(chain.get("key").get("publicKey")
                .asText()));

        var checkpoints = admin.get("/api/v1/audit/checkpoints?limit=1000").json();

        assertThat(checkpoints).isNotEmpty();
        for (var checkpoint : checkpoints) {
            long position = checkpoint.get("position").asLong();
            byte[] digest = HexFormat.of().parseHex(checkpoint.get("digest").asText());
            byte[] signature = Base64.getDecoder().decode(checkpoint.get("signature").asText());
            assertThat(position % 10).isZero();
            assertThat(checkpoint.get("keyId").asText()).isEqualTo(published.id());
            assertThat(published.verifies(position, digest, signature)).as("checkpoint %d", position).isTrue();
            assertThat(published.verifies(position + 1, digest, signature)).isFalse();
        }
    }

    private long aCategoryCreatedAt(String name) {
        var created = admin.post("/api/v1/categories", java.util.Map.of("name", name + " " + java.util.UUID
                .randomUUID(), "attributes", java.util.List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.position();
    }

    private long storedEventsThrough(long position) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class,
                position);
    }

    /**
     * What only the table's owner (or a superuser) can do, and the application never does: write events with the
     * append-only trigger switched off, in one transaction.
     */
    private void asTableOwner(OwnerWork work) throws SQLException {
        try (Connection owner = jdbc.getDataSource().getConnection()) {
            owner.setAutoCommit(false);
            try (var statement = owner.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                work.run(owner);
                statement.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
                owner.commit();
            } catch (SQLException | RuntimeException e) {
                owner.rollback();
                throw e;
            } finally {
                owner.setAutoCommit(true);
            }
        }
    }

    private static void update(Connection connection, String sql, Object... arguments) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            assertThat(statement.executeUpdate()).isOne();
        }
    }

    private interface OwnerWork {
        void run(Connection owner) throws SQLException;
    }

}
