package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that cannot apply an event parks it, with the rest of that aggregate's events, and goes on with the
 * others; an admin sees why and retries once the cause is gone. The failure is real: a PostgreSQL trigger on the order
 * read model refuses one buyer's rows.
 */
class DeadLettersIT extends OrderTestSupport {

    private static final String QUEUE = "/api/v1/admin/processors/order-read-model/dead-letters";

    @Test
    void an_event_the_read_model_refuses_is_parked_with_its_sequence_while_others_go_on_and_applies_on_retry() {
        var seller = aSeller();
        var refusedBuyer = aUser("buyer");
        var otherBuyer = aUser("buyer");
        UUID listing = aPublishedListing(seller, 1_500, 5);
        refuseOrdersOf(refusedBuyer.userId());
        UUID refused;
        try {
            refused = anOrder(refusedBuyer, listing, "pm_card_visa");
            UUID other = anOrder(otherBuyer, listing, "pm_card_visa");

            awaitStatus(otherBuyer, other, "awaiting_acceptance");
            JsonNode queue = await().atMost(Duration.ofSeconds(20)).until(() -> admin.get(QUEUE).json(),
                    answer -> answer.get("letters").asLong() >= 2);
            assertThat(queue.get("sequences").asLong()).isEqualTo(1);
            JsonNode letters = queue.get("oldest").get(0).get("letters");
            assertThat(letters.get(0).get("type").asText()).isEqualTo("OrderPlaced");
            assertThat(letters.get(0).get("causeMessage").asText()).contains("refused by the test");
            assertThat(letters.findValuesAsText("aggregateId")).containsOnly(refused.toString());
            assertThat(letters.get(1).get("position").asLong()).isGreaterThan(letters.get(0).get("position")
                    .asLong());
            assertThat(refusedBuyer.get("/api/v1/orders/" + refused).status()).isEqualTo(404);
            JsonNode processor = processor("order-read-model");
            assertThat(processor.get("deadLetters").asLong()).isEqualTo(queue.get("letters").asLong());
            assertThat(processor.get("error").asBoolean()).as("the processor goes on").isFalse();

            var stillBroken = admin.post(QUEUE + "/retry").json();
            assertThat(stillBroken.get("succeeded").asInt()).isZero();
            assertThat(stillBroken.get("sequencesLeft").asLong()).isEqualTo(1);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS refuse_buyer ON order_summary");
        }

        var retried = admin.post(QUEUE + "/retry").json();

        assertThat(retried.get("succeeded").asInt()).isEqualTo(1);
        assertThat(retried.get("lettersLeft").asLong()).isZero();
        awaitStatus(refusedBuyer, refused, "awaiting_acceptance");
        assertThat(admin.get(QUEUE).json().get("oldest")).isEmpty();
    }

    private void refuseOrdersOf(UUID buyer) {
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse_buyer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.buyer_id = '" + buyer + "' THEN RAISE EXCEPTION 'order % refused by the test', "
                + "NEW.order_id; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER refuse_buyer BEFORE INSERT OR UPDATE ON order_summary FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_buyer()");
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : admin.get("/api/v1/admin/processors").json()) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }

}
