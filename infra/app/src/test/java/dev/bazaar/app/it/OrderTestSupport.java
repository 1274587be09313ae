package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the order tests share: onboarded sellers, published listings, placed orders, and waiting for a status. */
abstract class OrderTestSupport extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A buyer's order of one unit, paid with the card, answered 201; its id. */
    UUID anOrder(Api buyer, UUID listing, String card) {
        var placed = buyer.post("/api/v1/orders", Map.of("listingId", listing, "quantity", 1, "paymentMethod", card));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.id();
    }

    /** An order accepted and captured: held in escrow. */
    UUID anOrderInEscrow(Api seller, Api buyer, UUID listing) {
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        awaitStatus(buyer, order, "in_escrow");
        return order;
    }

    /** An order of 100.00 from an onboarded seller, confirmed by the buyer and paid out (90.00 to the seller). */
    UUID aPaidOutOrder(Api seller, Api buyer) throws Exception {
        onboard(seller);
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 10_000, 1));
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 9_000);
        return order;
    }

    /**
     * A paid-out order (90.00 paid to the seller) refunded 50.00 by an admin after Stripe refused to take the seller's
     * 45.00 back from the transfer: the seller owes it. Answers once the refund is recorded.
     */
    UUID anOrderTheSellerOwesOn(Api seller, Api buyer) throws Exception {
        UUID order = aPaidOutOrder(seller, buyer);
        STRIPE.faults().fail("POST /v1/transfers/{id}/reversals", 400, 1);
        assertThat(admin.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 5_000, "currency", "EUR"))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(order, "RefundIssued") == 1);
        return order;
    }

    /** How many events of this order type (simple name, e.g. "RefundIssued") the aggregate has stored. */
    int events(UUID aggregate, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Integer.class, aggregate.toString(), "dev.bazaar.kernel.order." + type);
    }

    /** The seller's balance in their first (here: only) currency: pendingMinor, availableMinor, paidOutMinor. */
    static JsonNode balanceOf(Api seller) {
        return seller.get("/api/v1/sellers/" + seller.userId() + "/balance").json().get(0);
    }

    /** The unit an ended order held is for sale again: another buyer can order it. */
    void assertStockReturned(UUID listing) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(aUser("buyer").post("/api/v1/orders",
                Map.of("listingId", listing, "quantity", 1, "paymentMethod", "pm_card_visa")).status())
                .isEqualTo(201));
    }

    /** Waits until the order's amount (a JSON pointer into its view, e.g. /amounts/paidOutMinor) reads value. */
    void awaitAmount(Api client, UUID order, String pointer, long value) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(client.get("/api/v1/orders/" + order)
                .json().at(pointer).asLong()).isEqualTo(value));
    }

    /** The order's part of the ledger passes the invariant check (other tests' orders may be mid-flight). */
    void assertLedgerHolds(UUID order) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var invariants = admin.get("/api/v1/ledger/invariants?orderId=" + order).json();
            assertThat(invariants.get("holds").asBoolean()).as(invariants.toString()).isTrue();
        });
    }

    /** A test helper or page of the loopback Stripe, as Stripe's dashboard or a bank would act. */
    static JsonNode stripe(String method, String path, Map<String, String> form) throws IOException,
            InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(STRIPE.baseUrl() + path))
                .header("Authorization", "Bearer sk_test_helper")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return method.equals("GET") && response.body().startsWith("<") ? null
                : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
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
        var body = new HashMap<>(aListing(aCategory("Orders " + UUID.randomUUID()), "Teapot", priceMinor));
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
