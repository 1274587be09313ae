package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.command.web.IdempotencyRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a retry with the same Idempotency-Key gets when the first request's answer was lost (ADR 0021): the states a
 * crash leaves behind are written as the crash leaves them; CrashIT kills a real process for the same promises.
 */
class IdempotencyIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    IdempotencyRetention retention;

    @Test
    void a_retry_after_the_answer_was_lost_gets_the_first_answer_and_the_command_is_not_run_again() throws Exception {
        var seller = aSeller();
        String key = "lost-answer-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(aListing(aCategory("Lost answers"), "Brass lamp", 4200));
        var first = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        // the command committed, then the process died before the answer was stored
        jdbc.update("UPDATE idempotency_record SET status = NULL, content_type = NULL, body = NULL, "
                + "claimed_at = now() - interval '1 minute' WHERE idempotency_key = ?", key);
        long drafted = drafts();

        var retry = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).as("run again, not replayed").isNull();
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(drafts()).as("no second listing").isEqualTo(drafted);
        var again = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void a_claim_left_by_a_request_that_died_before_its_command_ran_is_taken_over_and_runs_the_command_once()
            throws Exception {
        var seller = aSeller();
        String key = "died-early-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(aListing(aCategory("Early deaths"), "Oak stool", 3100));
        jdbc.update("INSERT INTO idempotency_record (actor_id, idempotency_key, request_hash, claimed_at) "
                + "VALUES (?, ?, ?, now() - interval '1 minute')", seller.userId().toString(), key,
                hash("POST /api/v1/listings", body));
        long drafted = drafts();

        var retry = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(drafts()).isEqualTo(drafted + 1);
        assertThat(anonymous.get("/api/v1/listings/" + retry.id() + "?consistentWith=" + retry.position()).status())
                .isEqualTo(200);
        var again = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(drafts()).isEqualTo(drafted + 1);
    }

    @Test
    void a_retry_while_the_first_request_holds_its_lease_is_told_when_to_come_back() throws Exception {
        var seller = aSeller();
        String key = "in-flight-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(aListing(aCategory("In flight"), "Wool rug", 9900));
        jdbc.update("INSERT INTO idempotency_record (actor_id, idempotency_key, request_hash) VALUES (?, ?, ?)",
                seller.userId().toString(), key, hash("POST /api/v1/listings", body));
        long drafted = drafts();

        var retry = seller.with("Idempotency-Key", key).post("/api/v1/listings", "application/json", body);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("type").asText()).endsWith("/idempotency-key-in-flight");
        assertThat(retry.header("Retry-After")).isEqualTo("1");
        assertThat(drafts()).isEqualTo(drafted);
    }

    @Test
    void the_record_of_each_command_goes_with_its_key_after_the_retention_period() {
        String actor = "someone-" + UUID.randomUUID();
        jdbc.update("INSERT INTO idempotency_command (actor_id, idempotency_key, command_index, aggregate_id, "
                + "created_at) VALUES (?, 'old-command', 0, 'x', now() - interval '25 hours'), "
                + "(?, 'new-command', 0, 'x', now())", actor, actor);

        retention.forgetExpiredKeys();

        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_command WHERE actor_id = ?",
                String.class, actor)).containsExactly("new-command");
    }

    private long drafts() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "dev.bazaar.kernel.listing.ListingDrafted");
    }

    private static String hash(String requestLine, String body) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

}
