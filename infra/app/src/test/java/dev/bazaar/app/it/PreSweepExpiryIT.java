package dev.bazaar.app.it;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders authorised before the acceptance sweep had their expiry scheduled as a deadline (ADR 0015); migration V10
 * hands the ones still awaiting acceptance to the sweep and removes the scheduled expiries (ADR 0017). The state it
 * migrates is made here as an old release left it: no acceptBy in the process's row, an expiry in db-scheduler.
 */
class PreSweepExpiryIT extends OrderTestSupport {

    private static final String MIGRATION = "db/migration/core/V10__one_acceptance_expiry.sql";

    @Autowired
    DeadlineManager deadlines;

    @Test
    void an_order_still_awaiting_acceptance_joins_the_sweep_and_its_scheduled_expiry_is_removed() throws Exception {
        var seller = aSeller();
        var buyer = aUser("buyer");
        UUID waiting = anOrder(buyer, aPublishedListing(seller, 1_500, 1), "pm_card_visa");
        UUID accepted = anOrder(buyer, aPublishedListing(seller, 1_600, 1), "pm_card_visa");
        awaitStatus(buyer, waiting, "awaiting_acceptance");
        awaitStatus(buyer, accepted, "awaiting_acceptance");
        assertThat(seller.post("/api/v1/orders/" + accepted + "/accept").status()).isEqualTo(200);
        awaitStatus(buyer, accepted, "in_escrow");
        Instant acceptBy = acceptByOf(waiting);
        asAnOldReleaseLeftIt(waiting);
        asAnOldReleaseLeftIt(accepted);
        assertThat(scheduledExpiries()).as("both expiries scheduled, as before the sweep").isEqualTo(2);

        jdbc.execute(migration());

        assertThat(acceptByOf(waiting)).as("the time its authorisation named").isEqualTo(acceptBy);
        assertThat(acceptByOf(accepted)).as("accepted: nothing to expire").isNull();
        assertThat(scheduledExpiries()).as("no expiry is scheduled any more").isZero();

        jdbc.update("UPDATE order_payment_process SET accept_by = now() - interval '1 minute' WHERE order_id = ?",
                waiting);
        assertThat(awaitStatus(buyer, waiting, "cancelled").get("note").asText()).contains("expired");
        assertThat(awaitStatus(buyer, accepted, "in_escrow")).isNotNull();
    }

    private void asAnOldReleaseLeftIt(UUID order) {
        jdbc.update("UPDATE order_payment_process SET accept_by = NULL WHERE order_id = ?", order);
        deadlines.schedule(Instant.now().plus(Duration.ofHours(48)), "order-acceptance", null,
                new AggregateScopeDescriptor("Order", order.toString()));
    }

    private int scheduledExpiries() {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(convert_to('order-acceptance', "
                + "'UTF8') IN task_data) > 0", Integer.class);
    }

    private Instant acceptByOf(UUID order) {
        Timestamp acceptBy = jdbc.queryForObject("SELECT accept_by FROM order_payment_process WHERE order_id = ?",
                Timestamp.class, order);
        return acceptBy == null ? null : acceptBy.toInstant();
    }

    private static String migration() throws IOException {
        return new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
    }

}
