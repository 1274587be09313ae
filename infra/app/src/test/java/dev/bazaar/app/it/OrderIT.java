package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transaction process over HTTP, with the real PostgreSQL, Redis, Elasticsearch and the loopback Stripe. Just over
 * 300 lines: one scenario per way through the process.
 */
class OrderIT extends OrderTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    redis.clients.jedis.UnifiedJedis redis;

    @org.springframework.beans.factory.annotation.Autowired
    dev.bazaar.readmodel.CacheKeys keys;

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
        assertThat(acceptByOf(order)).as("the sweep would expire it in 48 h").isBetween(
                Instant.now().plus(Duration.ofHours(47)), Instant.now().plus(Duration.ofHours(49)));
        assertThat(scheduledTasksOf(order)).as("no deadline is scheduled for the expiry").isZero();

        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        awaitStatus(seller, order, "in_escrow");
        assertThat(acceptByOf(order)).as("accepted: off the sweep's list").isNull();
        assertThat(seller.post("/api/v1/orders/" + order + "/ship", Map.of("carrier", "DHL",
                "trackingNumber", "JD0001")).status()).isEqualTo(200);
        String completion = completionDeadlineOf(order);
        assertThat(scheduledTasks(completion)).as("the automatic completion is scheduled").isEqualTo(1);
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        assertThat(scheduledTasks(completion)).as("confirming removed it with the event").isZero();

        JsonNode done = awaitStatus(buyer, order, "completed");
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 2700);
        assertThat(done.at("/amounts/capturedMinor").asLong()).isEqualTo(3000);
        var intent = STRIPE.state().find(paymentIntentOf(order));
        assertThat(intent.get("status").asText()).isEqualTo("succeeded");
        assertThat(intent.get("amount_received").asLong()).isEqualTo(3000);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var balance = balanceOf(seller);
            assertThat(balance.get("paidOutMinor").asLong()).isEqualTo(2700);
            assertThat(balance.get("pendingMinor").asLong()).isZero();
            assertThat(balance.get("availableMinor").asLong()).isZero();
        });
        var ledger = buyer.get("/api/v1/orders/" + order + "/ledger").json();
        long sum = 0;
        for (JsonNode line : ledger) {
            sum += line.get("amountMinor").asLong();
        }
        assertThat(ledger.size()).isEqualTo(8);
        assertThat(sum).isZero();
        assertThat(ledger.findValues("account").stream().map(JsonNode::asText)).contains("provider_fees");
        long fee = 0;
        for (JsonNode line : ledger) {
            fee += line.get("account").asText().equals("provider_fees") ? line.get("amountMinor").asLong() : 0;
        }
        assertThat(fee).as("2.9 %% + 30 of 30.00").isEqualTo(117);
        assertLedgerHolds(order);
        var everything = admin.get("/api/v1/ledger/invariants").json();
        assertThat(everything.get("ordersChecked").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_commands_answer_names_the_version_and_the_position_its_last_event_was_stored_at() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        var placed = buyer.post("/api/v1/orders", Map.of("listingId", aPublishedListing(seller, 1_000, 1),
                "quantity", 1, "paymentMethod", "pm_card_visa"));
        UUID order = placed.id();
        assertThat(placed.json().get("version").asLong()).isZero();
        assertThat(placed.position()).as("OrderPlaced, stored after the listing's StockReserved")
                .isEqualTo(storedAt(order, 0));
        awaitStatus(buyer, order, "awaiting_acceptance");

        var accepted = seller.post("/api/v1/orders/" + order + "/accept");

        assertThat(accepted.json().get("version").asLong()).as("placed, authorised, accepted").isEqualTo(2);
        assertThat(accepted.position()).isEqualTo(storedAt(order, 2));
    }

    private long storedAt(UUID aggregate, long sequenceNumber) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, aggregate.toString(), sequenceNumber);
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
        assertStockReturned(listing);
    }

    @Test
    void a_partial_refund_in_escrow_comes_out_of_the_held_funds_and_the_seller_gets_the_rest() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 10_000, 1));

        var refund = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 4_000, "currency", "EUR"), "reason", "scratched"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 4_000);
        var tooMuch = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 6_001, "currency", "EUR")));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("type").asText()).endsWith("/refund-not-possible");

        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 5_400);
        assertThat(STRIPE.state().find(paymentIntentOf(order)).get("amount_refunded").asLong()).isEqualTo(4_000);
        assertLedgerHolds(order);
    }

    @Test
    void a_refund_after_payout_reverses_the_sellers_transfer_and_returns_the_commission_in_proportion()
            throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = aPaidOutOrder(seller, buyer);

        var refund = admin.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 5_000, "currency", "EUR"), "reason", "returned half"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 5_000);
        String transfer = jdbc.queryForObject("SELECT transfer_id FROM order_payment_process WHERE order_id = ?",
                String.class, order);
        assertThat(STRIPE.state().find(transfer).get("amount_reversed").asLong()).isEqualTo(4_500);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(balanceOf(seller).get("paidOutMinor")
                .asLong()).isEqualTo(4_500));
        assertLedgerHolds(order);
    }

    @Test
    void a_full_refund_before_capture_releases_the_authorisation_and_the_stock() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 3_000, 1);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        var partial = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 1_000, "currency", "EUR")));
        assertThat(partial.status()).isEqualTo(422);

        var full = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 3_000, "currency", "EUR")));
        assertThat(full.status()).as(full.toString()).isEqualTo(200);
        awaitStatus(buyer, order, "cancelled");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(STRIPE.state()
                .find(paymentIntentOf(order)).get("status").asText()).isEqualTo("canceled"));
        assertStockReturned(listing);
    }

    @Test
    void a_dispute_freezes_the_escrow_until_an_admin_splits_it() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 8_000, 1));
        assertThat(seller.post("/api/v1/orders/" + order + "/ship").status()).isEqualTo(200);

        var opened = buyer.post("/api/v1/orders/" + order + "/open-dispute", Map.of("reason", "arrived broken"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        var confirm = buyer.post("/api/v1/orders/" + order + "/confirm");
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.json().get("type").asText()).endsWith("/order-frozen");
        assertThat(seller.post("/api/v1/orders/" + order + "/resolve-dispute", Map.of("refundToBuyer",
                Map.of("amountMinor", 1, "currency", "EUR"))).status()).isEqualTo(403);

        var resolved = admin.post("/api/v1/orders/" + order + "/resolve-dispute", Map.of("refundToBuyer",
                Map.of("amountMinor", 3_000, "currency", "EUR"), "note", "partly broken"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode done = awaitStatus(buyer, order, "completed");
        assertThat(done.get("disputed").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var view = buyer.get("/api/v1/orders/" + order).json();
            assertThat(view.at("/amounts/refundedMinor").asLong()).isEqualTo(3_000);
            assertThat(view.at("/amounts/paidOutMinor").asLong()).isEqualTo(4_500);
        });
        assertLedgerHolds(order);
    }

    @Test
    void the_last_item_goes_to_one_of_two_buyers_ordering_at_once() throws Exception {
        var seller = aSeller();
        UUID listing = aPublishedListing(seller, 5_000, 1);
        var first = aUser("buyer");
        var second = aUser("buyer");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var answers = java.util.List.of(first, second).stream().map(buyer -> pool.submit(() -> {
            start.await();
            return buyer.post("/api/v1/orders", Map.of("listingId", listing, "quantity", 1,
                    "paymentMethod", "pm_card_visa"));
        })).toList();
        start.countDown();
        var statuses = new java.util.ArrayList<Integer>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = 'dev.bazaar.kernel.order.StockReserved'", Integer.class, listing.toString()))
                .isEqualTo(1);
    }

    @Test
    void only_the_parties_and_staff_see_an_order_and_only_the_seller_accepts_it() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrder(buyer, aPublishedListing(seller, 1_500, 2), "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        var stranger = aUser("buyer");
        assertThat(stranger.get("/api/v1/orders/" + order).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/orders/" + order + "/ledger").status()).isEqualTo(404);
        assertThat(aUser("support").get("/api/v1/orders/" + order).status()).isEqualTo(200);
        assertThat(buyer.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(403);
        assertThat(stranger.post("/api/v1/orders/" + order + "/cancel").status()).isEqualTo(403);
        assertThat(seller.get("/api/v1/orders?as=seller&status=AWAITING_ACCEPTANCE").json().findValuesAsText("id"))
                .contains(order.toString());
        assertThat(buyer.post("/api/v1/orders/" + order + "/cancel").status()).isEqualTo(200);
        awaitStatus(buyer, order, "cancelled");
    }

    @Test
    void a_buyer_confirming_while_the_automatic_completion_fires_is_heard_and_the_firing_one_is_left_alone() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 1_500, 1));
        assertThat(seller.post("/api/v1/orders/" + order + "/ship", Map.of("carrier", "DHL",
                "trackingNumber", "JD0002")).status()).isEqualTo(200);
        String completion = completionDeadlineOf(order);
        // as db-scheduler marks a task it is running
        jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'OrderIT', last_heartbeat = now() "
                + "WHERE task_instance = ?", completion);

        var confirmed = buyer.post("/api/v1/orders/" + order + "/confirm");

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(scheduledTasks(completion)).as("a running deadline is not deleted under the scheduler")
                .isEqualTo(1);
        awaitStatus(seller, order, "completed");
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ?", completion);
    }

    @Test
    void the_sellers_dashboard_counts_come_from_the_cache_and_follow_every_change() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 1_000, 5);
        String dashboard = "/api/v1/sellers/" + seller.userId() + "/dashboard";
        UUID first = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, first, "awaiting_acceptance");
        assertThat(seller.get(dashboard).json().at("/byStatus/awaiting_acceptance").asLong()).isEqualTo(1);
        assertThat(redis.get(keys.sellerOrderCounts(seller.userId()))).as("the counts are cached").isNotNull();

        UUID second = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, second, "awaiting_acceptance");
        assertThat(seller.post("/api/v1/orders/" + first + "/accept").status()).isEqualTo(200);
        awaitStatus(buyer, first, "in_escrow");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode counts = seller.get(dashboard).json();
            assertThat(counts.at("/byStatus/awaiting_acceptance").asLong()).isEqualTo(1);
            assertThat(counts.at("/byStatus/in_escrow").asLong()).isEqualTo(1);
            assertThat(counts.get("open").asLong()).isEqualTo(2);
        });
        assertThat(aUser("buyer").get(dashboard).status()).isEqualTo(404);
    }

    @Test
    void rebuilding_the_order_read_model_drops_every_cached_dashboard() {
        // a seller without orders: the replay never touches their counts, only the reset can drop them
        var seller = aSeller();
        assertThat(seller.get("/api/v1/sellers/" + seller.userId() + "/dashboard").status()).isEqualTo(200);
        assertThat(redis.get(keys.sellerOrderCounts(seller.userId()))).isNotNull();

        rebuild("order-read-model");
        assertThat(redis.get(keys.sellerOrderCounts(seller.userId()))).isNull();
    }

    private String completionDeadlineOf(UUID order) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::json ->> 'completionDeadline' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.OrderShipped'",
                String.class, order.toString());
    }

    private Instant acceptByOf(UUID order) {
        var acceptBy = jdbc.queryForObject("SELECT accept_by FROM order_payment_process WHERE order_id = ?",
                java.sql.Timestamp.class, order);
        return acceptBy == null ? null : acceptBy.toInstant();
    }

    private int scheduledTasksOf(UUID order) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') IN "
                + "task_data) > 0", Integer.class, order.toString());
    }

    private int scheduledTasks(String instance) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class,
                instance);
    }

}
