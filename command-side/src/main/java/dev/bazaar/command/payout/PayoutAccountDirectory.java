package dev.bazaar.command.payout;

import dev.bazaar.kernel.payout.PayoutAccountOpened;
import dev.bazaar.kernel.payout.PayoutAccountVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps payout_account in step with the events, in the transaction that stores them (a subscribing processor). */
@Component
@ProcessingGroup("payout-account-directory")
class PayoutAccountDirectory {

    private final JdbcTemplate jdbc;

    PayoutAccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutAccountOpened event) {
        jdbc.update("""
                INSERT INTO payout_account (seller_id, provider_id) VALUES (?, ?)
                ON CONFLICT (seller_id) DO UPDATE SET provider_id = excluded.provider_id, updated_at = now()
                """, event.sellerId().value(), event.providerAccountId());
    }

    @EventHandler
    void on(PayoutAccountVerified event) {
        jdbc.update("UPDATE payout_account SET payouts_enabled = TRUE, updated_at = now() WHERE seller_id = ?",
                event.sellerId().value());
    }

}
