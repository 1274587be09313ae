package dev.bazaar.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The transaction process over HTTP, with the real PostgreSQL, Redis, Elasticsearch and the loopback Stripe. */
class OrderIT extends IntegrationTest {

    @Test
    void an_order_goes_from_payment_to_payout_and_the_ledger_balances() throws Exception {
        var seller = aSeller();
        onboard(seller);
        UUID listing = aPublishedListing(seller, 2500, 1);
        var buyer = aUser("buyer");

        var placed = buyer.post("/api/v1/orders", Map.of("listingId", listing, "quantity", 1,
                "shipping", Map.of("amountMinor", 500, "currency", "EUR"), "paymentMethod", "pm_card_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        UUID order = placed.id();
        awaitStatus(buyer, order, "awaiting_acceptance");

        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        awaitStatus(seller, order, "in_escrow");
        assertThat(seller.post("/api/v1/orders/" + order + "/ship", Map.of("carrier", "DHL",
                "trackingNumber", "JD0001")).status()).isEqualTo(200);
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);

        JsonNode done = awaitStatus(buyer, order, "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().at("/amounts/paidOutMinor").asLong()).isEqualTo(2700));
        assertThat(done.at("/amounts/capturedMinor").asLong()).isEqualTo(3000);
        var intent = STRIPE.state().find(paymentIntentOf(order));
        assertThat(intent.get("status").asText()).isEqualTo("succeeded");
        assertThat(intent.get("amount_received").asLong()).isEqualTo(3000);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var balance = seller.get("/api/v1/sellers/" + seller.userId() + "/balance").json().get(0);
            assertThat(balance.get("paidOutMinor").asLong()).isEqualTo(2700);
            assertThat(balance.get("pendingMinor").asLong()).isZero();
            assertThat(balance.get("availableMinor").asLong()).isZero();
        });
        var ledger = buyer.get("/api/v1/orders/" + order + "/ledger").json();
        long sum = 0;
        for (JsonNode line : ledger) {
            sum += line.get("amountMinor").asLong();
        }
        assertThat(ledger.size()).isEqualTo(7);
        assertThat(sum).isZero();
        var invariants = admin.get("/api/v1/ledger/invariants").json();
        assertThat(invariants.get("holds").asBoolean()).as(invariants.toString()).isTrue();
    }

    @Test
    void a_declined_card_ends_the_order_and_gives_the_stock_back() {
        var seller = aSeller();
        UUID listing = aPublishedListing(seller, 1000, 1);
        var buyer = aUser("buyer");
        var placed = buyer.post("/api/v1/orders", Map.of("listingId", listing, "quantity", 1,
                "paymentMethod", "pm_card_chargeDeclined"));
        assertThat(placed.status()).isEqualTo(201);
        JsonNode cancelled = awaitStatus(buyer, placed.id(), "cancelled");
        assertThat(cancelled.get("note").asText()).contains("generic_decline");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(aUser("buyer").post("/api/v1/orders",
                Map.of("listingId", listing, "quantity", 1, "paymentMethod", "pm_card_visa")).status())
                .isEqualTo(201));
    }

    void onboard(Api seller) throws Exception {
        var opened = seller.post("/api/v1/payout-account");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        String link = opened.json().get("onboardingUrl").asText();
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seller.get("/api/v1/payout-account")
                .json().get("payoutsEnabled").asBoolean()).isTrue());
    }

    UUID aPublishedListing(Api seller, long priceMinor, int quantity) {
        var body = new java.util.HashMap<>(aListing(aCategory("Orders " + UUID.randomUUID()), "Teapot", priceMinor));
        body.put("quantity", quantity);
        var created = seller.post("/api/v1/listings", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(seller.post("/api/v1/listings/" + created.id() + "/publish").status()).isEqualTo(200);
        return created.id();
    }

    JsonNode awaitStatus(Api client, UUID order, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = client.get("/api/v1/orders/" + order);
            return response.status() == 200 ? response.json() : null;
        }, view -> view != null && status.equals(view.get("status").asText()));
    }

    String paymentIntentOf(UUID order) {
        return jdbc.queryForObject("SELECT payment_intent_id FROM order_payment_process WHERE order_id = ?",
                String.class, order);
    }

}
