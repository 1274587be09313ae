package dev.bazaar.localstripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** The local Stripe started on a state file knows, after a restart, what it knew before it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LocalStripeStateTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_restarted_local_stripe_still_knows_its_payments_and_idempotency_keys() throws Exception {
        Path state = dir.resolve("stripe-state.ndjson");
        String intent;
        try (LocalStripe stripe = LocalStripe.start(0, null, "whsec_test", state)) {
            intent = post(stripe, "/v1/payment_intents", "amount=2500&currency=eur&capture_method=manual"
                    + "&payment_method=pm_card_visa&confirm=true&metadata[order_id]=o1", "key-1").get("id").asText();
            post(stripe, "/v1/payment_intents/" + intent + "/capture", "", "key-2");
        }
        // a crash while a line was being written leaves it cut short
        Files.writeString(state, "{\"object\":{\"id\":\"pi_cut", StandardOpenOption.APPEND);

        try (LocalStripe again = LocalStripe.start(0, null, "whsec_test", state)) {
            JsonNode known = get(again, "/v1/payment_intents/" + intent);
            assertThat(known.get("status").asText()).isEqualTo("succeeded");
            assertThat(known.get("amount_received").asLong()).isEqualTo(2500);
            JsonNode repeated = post(again, "/v1/payment_intents", "amount=2500&currency=eur&capture_method=manual"
                    + "&payment_method=pm_card_visa&confirm=true&metadata[order_id]=o1", "key-1");
            assertThat(repeated.get("id").asText()).as("a repeated key gets the first answer").isEqualTo(intent);
            assertThat(again.requestsExecuted()).as("and nothing happens again")
                    .doesNotContainKey("POST /v1/payment_intents");
            assertThat(again.state().count("payment_intent", "order_id", "o1")).isEqualTo(1);
        }
        assertThat(Files.readAllLines(state)).as("compacted on start: one line per object and key")
                .noneMatch(line -> line.contains("pi_cut"));
    }

    @Test
    void objects_and_answers_kept_in_the_file_read_back_as_written_before_and_after_a_restart() throws Exception {
        Path state = dir.resolve("stripe-state.ndjson");
        // two-byte and three-byte characters: places in the file are bytes, not characters
        String create = "amount=1200&currency=eur&capture_method=manual&payment_method=pm_card_visa&confirm=true"
                + "&metadata[order_id]=o3&metadata[note]=Th%C3%A9i%C3%A8re%20%E2%98%95";
        String intent;
        try (LocalStripe stripe = LocalStripe.start(0, null, "whsec_test", state)) {
            JsonNode first = post(stripe, "/v1/payment_intents", create, "key-3");
            intent = first.get("id").asText();
            assertThat(post(stripe, "/v1/payment_intents", create, "key-3")).as("the kept answer, from the file")
                    .isEqualTo(first);
            post(stripe, "/v1/payment_intents/" + intent + "/capture", "", "key-4");
            assertThat(get(stripe, "/v1/payment_intents/" + intent).get("status").asText()).isEqualTo("succeeded");
            assertThat(stripe.state().find(intent).at("/metadata/note").asText()).isEqualTo("Théière ☕");
        }
        try (LocalStripe again = LocalStripe.start(0, null, "whsec_test", state)) {
            JsonNode known = get(again, "/v1/payment_intents/" + intent);
            assertThat(known.get("status").asText()).isEqualTo("succeeded");
            assertThat(known.at("/metadata/note").asText()).isEqualTo("Théière ☕");
            assertThat(again.state().findBy("payment_intent", "order_id", "o3").get("id").asText()).isEqualTo(intent);
            assertThat(post(again, "/v1/payment_intents", create, "key-3").get("id").asText()).isEqualTo(intent);
            // a change after the restart lands behind the compacted lines and is read back from there
            post(again, "/v1/refunds", "payment_intent=" + intent + "&amount=200", "key-5");
            assertThat(get(again, "/v1/payment_intents/" + intent).get("amount_refunded").asLong()).isEqualTo(200);
        }
        try (LocalStripe third = LocalStripe.start(0, null, "whsec_test", state)) {
            assertThat(get(third, "/v1/payment_intents/" + intent).get("amount_refunded").asLong()).isEqualTo(200);
        }
    }

    @Test
    void an_idempotency_key_older_than_a_day_is_forgotten_as_stripe_forgets_it() throws Exception {
        Path state = dir.resolve("stripe-state.ndjson");
        String dayOld = java.time.Instant.now().minus(java.time.Duration.ofHours(25)).toString();
        Files.writeString(state, "{\"idempotencyKey\":\"old-key\",\"at\":\"" + dayOld + "\",\"answer\":"
                + "{\"status\":200,\"body\":\"{\\\"id\\\":\\\"pi_old\\\"}\",\"contentType\":\"application/json\"}}\n");

        try (LocalStripe stripe = LocalStripe.start(0, null, "whsec_test", state)) {
            JsonNode answer = post(stripe, "/v1/payment_intents", "amount=900&currency=eur&capture_method=manual"
                    + "&payment_method=pm_card_visa&confirm=true&metadata[order_id]=o2", "old-key");

            assertThat(answer.get("id").asText()).as("a new request, not the day-old answer").isNotEqualTo("pi_old");
            assertThat(stripe.requestsExecuted()).containsEntry("POST /v1/payment_intents", 1);
        }
        assertThat(Files.readString(state)).as("the compacted file no longer holds it").doesNotContain("pi_old");
    }

    @Test
    void without_a_state_file_nothing_is_written() throws Exception {
        try (LocalStripe stripe = LocalStripe.start(0, null, "whsec_test")) {
            post(stripe, "/v1/accounts", "type=express", null);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static JsonNode post(LocalStripe stripe, String path, String form, String idempotencyKey)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Authorization", "Bearer sk_test_local")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(LocalStripe stripe, String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Authorization", "Bearer sk_test_local").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
