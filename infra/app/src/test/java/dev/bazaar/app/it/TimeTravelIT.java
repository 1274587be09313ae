package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors rebuild an aggregate as it stood after any version or at any instant, from its events. */
class TimeTravelIT extends OrderTestSupport {

    @Test
    void a_listing_is_rebuilt_as_it_was_after_each_version_and_at_an_instant_between_changes() throws Exception {
        var seller = aSeller();
        UUID listing = aPublishedListing(seller, 1_999, 3);
        Thread.sleep(20);
        Instant beforeRepricing = Instant.now();
        Thread.sleep(20);
        var repriced = seller.post("/api/v1/listings/" + listing + "/price",
                Map.of("price", Map.of("amountMinor", 2_499, "currency", "EUR")));
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
        var auditor = aUser("auditor");
        String path = "/api/v1/audit/aggregates/listing/" + listing + "/state";

        JsonNode drafted = auditor.get(path + "?version=0").json();
        JsonNode published = auditor.get(path + "?version=1").json();
        JsonNode then = auditor.get(path + "?asOf=" + beforeRepricing).json();
        JsonNode now = auditor.get(path).json();

        assertThat(drafted.get("state").get("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.get("version").asLong()).isZero();
        assertThat(drafted.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(published.get("state").get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(then.get("version").asLong()).isEqualTo(1);
        assertThat(then.get("state").get("price").get("amountMinor").asLong()).isEqualTo(1_999);
        assertThat(now.get("version").asLong()).isEqualTo(repriced.json().get("version").asLong());
        assertThat(now.get("state").get("price").get("amountMinor").asLong()).isEqualTo(2_499);
        assertThat(now.get("state").get("available").asInt()).isEqualTo(3);
        assertThat(now.get("state").get("sellerId").asText()).isEqualTo(seller.userId().toString());
    }

    @Test
    void an_order_is_rebuilt_with_its_payment_entity_in_escrow_and_after_payout() throws Exception {
        var seller = aSeller();
        UUID order = aPaidOutOrder(seller, aUser("buyer"));
        var auditor = aUser("auditor");
        var history = auditor.get("/api/v1/audit/aggregates/order/" + order + "/events").json().get("events");
        long captured = -1;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("PaymentCaptured")) {
                captured = event.get("sequence").asLong();
            }
        }
        String path = "/api/v1/audit/aggregates/order/" + order + "/state";

        JsonNode inEscrow = auditor.get(path + "?version=" + captured).json().get("state");
        JsonNode paidOut = auditor.get(path).json().get("state");

        assertThat(inEscrow.get("status").asText()).isEqualTo("IN_ESCROW");
        assertThat(inEscrow.get("payment").get("escrow").get("held").asLong()).isEqualTo(10_000);
        assertThat(inEscrow.get("payment").get("paidOut").asBoolean()).isFalse();
        assertThat(inEscrow.get("payment").has("order")).as("the entity's link back to its root").isFalse();
        assertThat(paidOut.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(paidOut.get("payment").get("paidOut").asBoolean()).isTrue();
        assertThat(paidOut.get("payment").get("escrow").get("held").asLong()).isZero();
    }

    @Test
    void a_version_not_reached_a_time_before_the_aggregate_and_both_at_once_are_refused_with_problems() {
        var seller = aSeller();
        UUID listing = aPublishedListing(seller, 500, 1);
        var auditor = aUser("auditor");
        String path = "/api/v1/audit/aggregates/listing/" + listing + "/state";

        var tooFar = auditor.get(path + "?version=2");
        var tooEarly = auditor.get(path + "?asOf=2020-01-01T00:00:00Z");
        var both = auditor.get(path + "?version=1&asOf=2030-01-01T00:00:00Z");
        var wrongType = auditor.get("/api/v1/audit/aggregates/order/" + listing + "/state");
        var unknown = auditor.get("/api/v1/audit/aggregates/listing/" + UUID.randomUUID() + "/state");

        assertThat(tooFar.status()).isEqualTo(404);
        assertThat(tooFar.json().get("detail").asText()).contains("latest is 1");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(both.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        for (var answer : java.util.List.of(tooFar, tooEarly, both, wrongType, unknown)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(seller.get(path).status()).as("sellers are not auditors").isEqualTo(403);
    }

}
