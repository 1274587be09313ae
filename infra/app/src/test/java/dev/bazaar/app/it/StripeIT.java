package dev.bazaar.app.it;

import dev.bazaar.localstripe.WebhookSender;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider's side: webhooks, failures and retries, through stripe-java against the loopback Stripe. Long because
 * each of the provider's ways to fail is a scenario of its own, sharing the order set-up above them.
 */
class StripeIT extends OrderTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Test
    void a_webhook_with_a_bad_signature_is_refused_and_leaves_nothing_behind() {
        String payload = dispute("evt_" + UUID.randomUUID(), "charge.dispute.created", "pi_unknown", "dp_x", "won");
        long events = storedEvents();
        int webhooks = jdbc.queryForObject("SELECT count(*) FROM provider_webhook_event", Integer.class);
        var forged = anonymous.with("Stripe-Signature", WebhookSender.sign(payload,
                Instant.now().getEpochSecond(), "whsec_not_ours")).post("/api/v1/webhooks/stripe",
                "application/json", payload);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        var stale = anonymous.with("Stripe-Signature", WebhookSender.sign(payload,
                Instant.now().minusSeconds(3600).getEpochSecond(), WEBHOOK_SECRET)).post("/api/v1/webhooks/stripe",
                "application/json", payload);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(anonymous.post("/api/v1/webhooks/stripe", "application/json", payload).status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_webhook_event", Integer.class))
                .isEqualTo(webhooks);
    }

    @Test
    void a_provider_dispute_delivered_twice_and_out_of_order_is_recorded_once_and_frees_the_order() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 4_000, 1));
        String intent = paymentIntentOf(order);
        String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "");

        String closed = dispute("evt_closed_" + disputeId, "charge.dispute.closed", intent, disputeId, "won");
        String created = dispute("evt_created_" + disputeId, "charge.dispute.created", intent, disputeId,
                "needs_response");
        assertThat(deliver(closed).json().get("duplicate").asBoolean()).isFalse();
        assertThat(deliver(closed).json().get("duplicate").asBoolean()).isTrue();
        assertThat(deliver(created).status()).isEqualTo(200);
        assertThat(deliver(created).json().get("duplicate").asBoolean()).isTrue();

        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%ProviderDispute%' ORDER BY sequence_number", String.class, order.toString()))
                .containsExactly("dev.bazaar.kernel.order.ProviderDisputeOpened",
                        "dev.bazaar.kernel.order.ProviderDisputeClosed");
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        awaitStatus(buyer, order, "completed");
    }

    @Test
    void a_chargeback_opened_at_the_provider_freezes_the_order_and_a_lost_one_comes_out_of_escrow() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 6_000, 1));
        var dispute = stripe("POST", "/_local/disputes", Map.of("payment_intent", paymentIntentOf(order)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("disputed").asBoolean()).isTrue());
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(accountsOf(order).get("disputed_funds")).as("withdrawn by the provider").isEqualTo(6_000));

        stripe("POST", "/_local/disputes/" + dispute.get("id").asText() + "/close", Map.of("status", "lost"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("note").asText()).contains("lost"));
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        assertThat(awaitStatus(buyer, order, "completed").at("/amounts/releasedToSellerMinor").asLong()).isZero();
        assertLedgerHolds(order);
        // the provider withdrew the amount and its 15.00 fee when the dispute opened; the loss came out of that
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var accounts = accountsOf(order);
            assertThat(accounts.get("disputed_funds")).as(accounts.toString()).isZero();
            assertThat(accounts.get("provider_fees")).as(accounts.toString()).isGreaterThan(1_500);
            assertThat(accounts.get("cash")).as("all the buyer paid left, and the fees: " + accounts)
                    .isEqualTo(-accounts.get("provider_fees"));
        });
    }

    @Test
    void a_chargeback_won_at_the_provider_gives_back_the_withheld_amount_and_the_order_pays_out() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 5_000, 1));
        var dispute = stripe("POST", "/_local/disputes", Map.of("payment_intent", paymentIntentOf(order)));
        String id = dispute.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(accountsOf(order).get("disputed_funds")).isEqualTo(5_000));

        stripe("POST", "/_local/disputes/" + id + "/update", Map.of("status", "under_review"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("note").asText()).isEqualTo("payment provider dispute under_review"));
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).as("still frozen").isEqualTo(409);

        stripe("POST", "/_local/disputes/" + id + "/close", Map.of("status", "won"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(buyer.get("/api/v1/orders/" + order).json().get("disputed").asBoolean()).isFalse();
            assertThat(accountsOf(order).get("disputed_funds")).isZero();
        });
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 4_500);
        assertLedgerHolds(order);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var accounts = accountsOf(order);
            assertThat(accounts.get("provider_fees")).as("the dispute fee is not given back: " + accounts)
                    .isGreaterThan(1_500);
            assertThat(accounts.get("seller_payable")).as("paid out: " + accounts).isZero();
        });
        assertThat(jdbc.queryForList("SELECT kind FROM ledger_entry WHERE order_id = ? AND account = 'disputed_funds' "
                + "ORDER BY occurred_at", String.class, order))
                .containsExactly("dispute_withdrawal", "dispute_reinstatement");
    }

    @Test
    void a_refund_that_cannot_reach_the_buyer_comes_back_and_can_be_refunded_again() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 4_000, 1));
        var refund = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 1_500, "currency", "EUR"), "reason", "scratched"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 1_500);
        String providerRefund = providerRefundOf(order);
        assertThat(STRIPE.state().find(providerRefund).get("status").asText()).isEqualTo("succeeded");

        // the buyer's card was closed: Stripe reports it twice over (two event types), the order records it once
        stripe("POST", "/_local/refunds/" + providerRefund + "/fail", Map.of());
        awaitAmount(buyer, order, "/amounts/refundedMinor", 0);
        assertLedgerHolds(order);
        assertThat(events(order, "RefundReturned")).isEqualTo(1);

        var again = seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 4_000, "currency", "EUR"), "reason", "all of it, to another card"));
        assertThat(again.status()).as("the returned amount is refundable again: " + again).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 4_000);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT kind FROM ledger_entry WHERE order_id = ? AND account = 'escrow' "
                        + "ORDER BY occurred_at, event_id",
                String.class, order)).containsExactly("capture", "refund", "refund_returned", "refund"));
        assertLedgerHolds(order);
    }

    @Test
    void a_refund_that_comes_back_after_the_order_completed_waits_on_the_admins_list_until_refunded_again()
            throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 5_000, 1));
        assertThat(seller.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 1_000, "currency", "EUR"), "reason", "dented")).status()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 1_000);
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        awaitStatus(buyer, order, "completed");

        stripe("POST", "/_local/refunds/" + providerRefundOf(order) + "/fail", Map.of());
        awaitAmount(buyer, order, "/amounts/heldAfterCompletionMinor", 1_000);
        var listed = admin.get("/api/v1/admin/orders/holding-funds").json();
        assertThat(listed.findValuesAsText("orderId")).contains(order.toString());
        for (var entry : listed) {
            if (entry.get("orderId").asText().equals(order.toString())) {
                assertThat(entry.get("heldMinor").asLong()).isEqualTo(1_000);
                assertThat(entry.get("reason").asText()).contains("came back: expired_or_canceled_card");
            }
        }
        assertLedgerHolds(order);

        var again = admin.post("/api/v1/orders/" + order + "/refund", Map.of("amount",
                Map.of("amountMinor", 1_000, "currency", "EUR"), "reason", "to another card"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        awaitAmount(buyer, order, "/amounts/heldAfterCompletionMinor", 0);
        awaitAmount(buyer, order, "/amounts/refundedMinor", 1_000);
        assertThat(admin.get("/api/v1/admin/orders/holding-funds").json().findValuesAsText("orderId"))
                .doesNotContain(order.toString());
        assertLedgerHolds(order);
    }

    /** Stripe's id of the order's (first) refund, as the order recorded it. */
    private String providerRefundOf(UUID order) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::json ->> 'providerRefundId' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%RefundIssued' "
                + "ORDER BY sequence_number LIMIT 1", String.class, order.toString());
    }

    /** Each ledger account's balance for the order (debits positive), zero for accounts it never touched. */
    private Map<String, Long> accountsOf(UUID order) {
        Map<String, Long> accounts = new java.util.TreeMap<>(Map.of("cash", 0L, "disputed_funds", 0L,
                "provider_fees", 0L, "seller_payable", 0L));
        jdbc.query("SELECT account, sum(amount_minor) FROM ledger_entry WHERE order_id = ? GROUP BY account",
                row -> {
                    accounts.put(row.getString(1), row.getLong(2));
                }, order);
        return accounts;
    }

    @Test
    void an_answer_lost_to_a_timeout_is_asked_again_with_the_same_key_and_charges_once() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 2_000, 5);
        int received = STRIPE.requestsReceived().getOrDefault("POST /v1/payment_intents", 0);
        int executed = STRIPE.requestsExecuted().getOrDefault("POST /v1/payment_intents", 0);
        // the provider does the work but every answer (first call and stripe-java's two retries) comes too late:
        // the process fails after the charge and before the record, as if it had crashed there
        STRIPE.faults().delay("POST /v1/payment_intents", 2_500, 3);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        JsonNodeAwait.until(() -> awaitStatus(buyer, order, "awaiting_acceptance"));
        assertThat(STRIPE.requestsReceived().get("POST /v1/payment_intents") - received).isGreaterThanOrEqualTo(4);
        assertThat(STRIPE.requestsExecuted().get("POST /v1/payment_intents") - executed).isEqualTo(1);
        long intents = STRIPE.state().count("payment_intent", "order_id", order.toString());
        assertThat(intents).isEqualTo(1);
    }

    @Test
    void a_process_manager_restarted_between_the_capture_and_its_record_captures_once_and_loses_nothing()
            throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrder(buyer, aPublishedListing(seller, 3_000, 2), "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        int captures = STRIPE.requestsExecuted().getOrDefault("POST /v1/payment_intents/{id}/capture", 0);
        // Stripe captures, but its answers arrive too late; meanwhile the process manager is shut down and restarted
        STRIPE.faults().delay("POST /v1/payment_intents/{id}/capture", 2_500, 3);
        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.requestsExecuted()
                .getOrDefault("POST /v1/payment_intents/{id}/capture", 0) > captures);
        var process = processing.eventProcessor("order-payments").orElseThrow();
        process.shutdownAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asText()).as("not yet recorded")
                .isEqualTo("capture_pending");
        process.start();

        awaitStatus(buyer, order, "in_escrow");
        assertThat(STRIPE.requestsExecuted().get("POST /v1/payment_intents/{id}/capture") - captures).isEqualTo(1);
        assertThat(STRIPE.state().find(paymentIntentOf(order)).get("amount_received").asLong()).isEqualTo(3_000);
    }

    @Test
    void an_authorisation_reported_by_webhook_before_the_process_records_it_is_recorded_once() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 2_500, 3);
        STRIPE.faults().delay("POST /v1/payment_intents", 2_500, 3);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        var intent = await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.state().findBy("payment_intent",
                "order_id", order.toString()), java.util.Objects::nonNull);

        String payload = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"type\":\"payment_intent.amount_capturable_updated\",\"data\":{\"object\":" + intent + "}}";
        assertThat(deliver(payload).status()).isEqualTo(200);
        awaitStatus(buyer, order, "awaiting_acceptance");
        // the process's own attempts time out, it retries with the same key and records the same answer: no-op
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList("SELECT payment_intent_id FROM "
                + "order_payment_process WHERE order_id = ?", String.class, order).stream()
                .anyMatch(java.util.Objects::nonNull));
        assertThat(events(order, "PaymentAuthorized")).isEqualTo(1);
    }

    @Test
    void a_reversal_stripe_refuses_still_refunds_the_buyer_and_an_admin_recovers_the_debt_later() throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrderTheSellerOwesOn(seller, buyer);

        awaitAmount(buyer, order, "/amounts/refundedMinor", 5_000);
        assertThat(STRIPE.state().find(paymentIntentOf(order)).get("amount_refunded").asLong()).isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var report = admin.get("/api/v1/ledger/invariants?orderId=" + order).json();
            assertThat(report.get("holds").asBoolean()).isFalse();
            assertThat(report.at("/violations/0/detail").asText()).contains("owed to seller -4500");
        });
        assertThat(seller.post("/api/v1/orders/" + order + "/recover-seller-debt").status()).isEqualTo(403);

        // the seller's balance is still too low the first time an admin asks; the second time it comes back
        STRIPE.faults().fail("POST /v1/transfers/{id}/reversals", 400, 1);
        assertThat(admin.post("/api/v1/orders/" + order + "/recover-seller-debt").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(order, "SellerDebtRecoveryFailed") == 1);
        assertThat(admin.get("/api/v1/ledger/invariants?orderId=" + order).json().get("holds").asBoolean()).isFalse();
        var again = admin.post("/api/v1/orders/" + order + "/recover-seller-debt");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/ledger/invariants?orderId=" + order).json().get("holds").asBoolean())
                        .isTrue());
        String transfer = jdbc.queryForObject("SELECT transfer_id FROM order_payment_process WHERE order_id = ?",
                String.class, order);
        assertThat(STRIPE.state().find(transfer).get("amount_reversed").asLong()).isEqualTo(4_500);
        var balance = admin.get("/api/v1/sellers/" + seller.userId() + "/balance").json().get(0);
        assertThat(balance.get("availableMinor").asLong()).isZero();
        assertThat(balance.get("paidOutMinor").asLong()).as("9,000 paid out, 4,500 of it taken back").isEqualTo(4_500);
        var nothingLeft = admin.post("/api/v1/orders/" + order + "/recover-seller-debt");
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.json().get("type").asText()).endsWith("/nothing-owed");
    }

    @Test
    void a_delivered_order_completes_by_itself_on_its_latest_deadline_only() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 2_000, 1));
        assertThat(seller.post("/api/v1/orders/" + order + "/ship").status()).isEqualTo(200);
        assertThat(completionDeadlines(order)).as("the shipment's").hasSize(1);
        assertThat(seller.post("/api/v1/orders/" + order + "/deliver").status()).isEqualTo(200);
        awaitStatus(buyer, order, "delivered");
        var deadlines = completionDeadlines(order);
        assertThat(deadlines).as("the delivery's replaced the shipment's").hasSize(1);

        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance = ?", deadlines.get(0));
        assertThat(awaitStatus(buyer, order, "completed").get("status").asText()).isEqualTo("completed");
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 1_800);
    }

    @Test
    void the_buyers_confirmation_removes_the_automatic_completion() throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 2_000, 1));
        assertThat(seller.post("/api/v1/orders/" + order + "/ship").status()).isEqualTo(200);
        assertThat(completionDeadlines(order)).hasSize(1);

        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);

        assertThat(completionDeadlines(order)).as("removed with the confirmation").isEmpty();
    }

    private List<String> completionDeadlines(UUID order) {
        return jdbc.queryForList("SELECT task_instance FROM scheduled_tasks WHERE position(convert_to(?, "
                + "'UTF8') IN task_data) > 0 AND position(convert_to('order-completion', 'UTF8') IN task_data) > 0 "
                + "ORDER BY execution_time", String.class, order.toString());
    }

    @Test
    void a_capture_after_the_authorisation_expired_cancels_the_order_and_returns_the_stock() throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 2_000, 1);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        stripe("POST", "/_local/payment_intents/" + paymentIntentOf(order) + "/expire", Map.of());

        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        assertThat(awaitStatus(buyer, order, "cancelled").get("note").asText())
                .contains("payment_intent_unexpected_state");
        assertStockReturned(listing);
    }

    @Test
    void a_payout_that_failed_for_want_of_onboarding_goes_out_once_the_seller_is_verified() throws Exception {
        var seller = aSeller();
        var opened = seller.post("/api/v1/payout-account");
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 2_000, 1));
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("note").asText()).contains("payout failed"));

        stripe("GET", opened.json().get("onboardingUrl").asText().replace(STRIPE.baseUrl(), ""), Map.of());
        awaitAmount(buyer, order, "/amounts/paidOutMinor", 1_800);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var balance = balanceOf(seller);
            assertThat(balance.get("availableMinor").asLong()).isZero();
            assertThat(balance.get("paidOutMinor").asLong()).isEqualTo(1_800);
        });
        assertLedgerHolds(order);
    }

    @Test
    void a_payout_stripe_refuses_to_a_verified_seller_goes_out_when_an_admin_retries_it() throws Exception {
        var seller = aSeller();
        onboard(seller);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 2_000, 1));
        assertThat(admin.post("/api/v1/orders/" + order + "/retry-payout").status()).as("not released yet")
                .isEqualTo(409);
        STRIPE.faults().fail("POST /v1/transfers", 400, 1);
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("note").asText()).contains("payout failed"));
        assertThat(seller.post("/api/v1/orders/" + order + "/retry-payout").status()).isEqualTo(403);

        assertThat(admin.post("/api/v1/orders/" + order + "/retry-payout").status()).isEqualTo(200);

        awaitAmount(buyer, order, "/amounts/paidOutMinor", 1_800);
        var again = admin.post("/api/v1/orders/" + order + "/retry-payout");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/no-failed-payout");
        assertLedgerHolds(order);
    }

    @Test
    void a_payout_to_a_seller_who_has_not_finished_onboarding_fails_and_stays_available() {
        var seller = aSeller();
        assertThat(seller.post("/api/v1/payout-account").status()).isEqualTo(200);
        var buyer = aUser("buyer");
        UUID order = anOrderInEscrow(seller, buyer, aPublishedListing(seller, 1_000, 1));
        assertThat(buyer.post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(buyer.get("/api/v1/orders/" + order)
                .json().get("note").asText()).contains("payout failed"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var balance = balanceOf(seller);
            assertThat(balance.get("availableMinor").asLong()).isEqualTo(900);
            assertThat(balance.get("paidOutMinor").asLong()).isZero();
        });
    }

    @Test
    void an_order_the_seller_does_not_accept_in_time_expires_and_releases_the_authorisation() {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 2_000, 1);
        UUID order = anOrder(buyer, listing, "pm_card_visa");
        awaitStatus(buyer, order, "awaiting_acceptance");
        // the process keeps acceptBy, 48 h from now, for its sweep; bring it forward instead of waiting two days
        int moved = jdbc.update("UPDATE order_payment_process SET accept_by = now() - interval '1 second' "
                + "WHERE order_id = ? AND accept_by > now()", order);
        assertThat(moved).isEqualTo(1);

        assertThat(awaitStatus(buyer, order, "cancelled").get("note").asText()).contains("expired");
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND payload_type = 'dev.bazaar.kernel.order.OrderExpired'", String.class,
                order.toString())).as("the platform expired it").contains("\"actorRole\":\"SYSTEM\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(STRIPE.state()
                .find(paymentIntentOf(order)).get("status").asText()).isEqualTo("canceled"));
        assertThat(seller.post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT accept_by FROM order_payment_process WHERE order_id = ?",
                java.sql.Timestamp.class, order)).as("off the sweep's list").isNull();
    }

    /** The first attempts fail with the provider's answers lost; the processor retries with back-off. */
    private static final class JsonNodeAwait {

        static void until(Runnable awaiting) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(awaiting::run);
        }

    }

    private Api.Response deliver(String payload) {
        return anonymous.with("Stripe-Signature", WebhookSender.sign(payload, Instant.now().getEpochSecond(),
                WEBHOOK_SECRET)).post("/api/v1/webhooks/stripe", "application/json", payload);
    }

    private static String dispute(String eventId, String type, String paymentIntent, String disputeId,
            String status) {
        return """
                {"id":"%s","object":"event","api_version":"2020-08-27","type":"%s","livemode":false,
                 "data":{"object":{"id":"%s","object":"dispute","amount":4000,"currency":"eur",
                 "payment_intent":"%s","reason":"fraudulent","status":"%s"}}}
                """.formatted(eventId, type, disputeId, paymentIntent, status);
    }


}
