package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stored in an old shape (OrderDeclined revision 1, written here as an old release wrote it) loads into the
 * aggregate, drives the process manager and the projections, replays, and reads in the new shape everywhere.
 */
class SchemaEvolutionIT extends OrderTestSupport {

    @Test
    void an_order_declined_stored_at_revision_1_is_read_replayed_and_streamed_at_revision_2() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 4_200, 1);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");

        long position = storeAsAnOldReleaseDid(order,
                "{\"orderId\":\"" + order + "\",\"reason\":\"refunded before capture: changed my mind\"}");

        // the projection and the process manager read it through the upcaster
        JsonNode view = awaitStatus(buyer, order, "cancelled");
        assertThat(view.get("note").asText()).isEqualTo("refunded before capture: changed my mind");
        assertStockReturned(listing);
        awaitEventAfter(order, "AuthorizationReleased");

        // the aggregate loads it: the command side decides from the upcast event
        assertThat(buyer.post("/api/v1/orders/" + order + "/cancel").status()).isEqualTo(409);
        var auditor = aUser("auditor");
        JsonNode state = auditor.get("/api/v1/audit/aggregates/order/" + order + "/state").json().get("state");
        assertThat(state.get("status").asText()).isEqualTo("CANCELLED");

        // auditors and analytics consumers see revision 2; the stored row is untouched and still verifies
        awaitChainedThrough(position);
        JsonNode inHistory = declined(auditor.get("/api/v1/audit/aggregates/order/" + order + "/events").json()
                .get("events"));
        JsonNode inStream = auditor.get("/api/v1/events?after=" + (position - 1) + "&limit=1").json().get("events")
                .get(0);
        for (JsonNode event : new JsonNode[] {inHistory, inStream}) {
            assertThat(event.get("position").asLong()).isEqualTo(position);
            assertThat(event.get("revision").asText()).isEqualTo("2");
            assertThat(event.get("payload").get("cause").asText()).isEqualTo("REFUNDED_BEFORE_CAPTURE");
            assertThat(event.get("payload").get("reason").asText()).isEqualTo("changed my mind");
        }
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE global_index = ?",
                String.class, position)).isEqualTo("1");
        assertThat(admin.get("/api/v1/audit/verify").json().get("status").asText()).isEqualTo("OK");

        // a replay of the read model from the first event reads the old row the same way
        jdbc.update("UPDATE order_summary SET note = 'damaged' WHERE order_id = ?", order);
        rebuild("order-read-model");
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("note").asText())
                .isEqualTo("refunded before capture: changed my mind");
    }

    @Test
    void a_seller_declining_now_stores_revision_2_with_the_cause() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrder(buyer, aPublishedListing(seller, 1_000, 1), "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");

        var declined = seller.post("/api/v1/orders/" + order + "/decline", java.util.Map.of("reason", "sold out"));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        var row = jdbc.queryForMap("SELECT payload_revision, convert_from(payload, 'UTF8') AS payload "
                + "FROM domain_event_entry WHERE global_index = ?", declined.position());
        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(row.get("payload").toString()).contains("\"cause\":\"SELLER_DECLINED\"")
                .contains("\"reason\":\"sold out\"");
        assertThat(awaitStatus(buyer, order, "cancelled").get("note").asText()).isEqualTo("declined: sold out");
    }

    /** Appends the payload as the order's next event with revision 1 and the metadata of its last one. */
    private long storeAsAnOldReleaseDid(UUID order, String payload) {
        return jdbc.queryForObject("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "SELECT aggregate_identifier, sequence_number + 1, type, ?, meta_data, convert_to(?, 'UTF8'), '1', "
                + "'dev.bazaar.kernel.order.OrderDeclined', ? FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1 RETURNING global_index", Long.class,
                UUID.randomUUID().toString(), payload, Instant.now().toString(), order.toString());
    }

    private void awaitEventAfter(UUID order, String type) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                order.toString())).contains("dev.bazaar.kernel.order." + type));
    }

    private static JsonNode declined(JsonNode events) {
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("OrderDeclined")) {
                return event;
            }
        }
        throw new AssertionError("no OrderDeclined in " + events);
    }

}
