package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order's money trail: what moved, in order, with the Stripe objects and the ledger lines of each step. */
class MoneyTrailIT extends OrderTestSupport {

    @Test
    void a_paid_out_order_shows_each_money_movement_with_its_stripe_reference_and_balanced_ledger_lines()
            throws Exception {
        var seller = aSeller();
        UUID order = aPaidOutOrder(seller, aUser("buyer"));
        var auditor = aUser("auditor");

        JsonNode trail = await().atMost(Duration.ofSeconds(20)).until(
                () -> auditor.get("/api/v1/audit/orders/" + order + "/money-trail").json(),
                answer -> answer.get("ledgerUpToDate").asBoolean());

        var movements = trail.get("movements");
        assertThat(movements.findValuesAsText("type")).containsExactly("PaymentAuthorized", "PaymentCaptured",
                "EscrowReleased", "PayoutSent");
        assertThat(movements.get(0).get("provider").get("paymentIntentId").asText()).startsWith("pi_");
        assertThat(movements.get(1).get("provider").get("paymentIntentId").asText())
                .isEqualTo(movements.get(0).get("provider").get("paymentIntentId").asText());
        assertThat(movements.get(3).get("provider").get("transferId").asText()).startsWith("tr_");
        assertThat(movements.get(0).get("ledger")).isEmpty();
        for (int i = 1; i < 4; i++) {
            var lines = movements.get(i).get("ledger");
            assertThat(lines).as(movements.get(i).get("type").asText()).isNotEmpty();
            assertThat(StreamSupport.stream(lines.spliterator(), false).mapToLong(line -> line.get("amountMinor")
                    .asLong()).sum()).as("each step balances").isZero();
        }
        assertThat(movements.get(2).get("payload").get("commission").get("amountMinor").asLong()).isEqualTo(1_000);
        assertThat(trail.get("ledgerSumByCurrency").get("EUR").asLong()).isZero();
        assertThat(movements.get(1).get("position").asLong()).isGreaterThan(movements.get(0).get("position")
                .asLong());
    }

    @Test
    void an_order_that_does_not_exist_has_no_trail() {
        var answer = admin.get("/api/v1/audit/orders/" + UUID.randomUUID() + "/money-trail");

        assertThat(answer.status()).isEqualTo(404);
    }

}
