package dev.bazaar.command.payment;

import dev.bazaar.kernel.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Sellers' connected accounts at the provider, as the payout step needs them (table payout_account). */
@Component
public class PayoutAccounts {

    private final JdbcTemplate jdbc;

    PayoutAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(UserId sellerId) {
        return jdbc.query("SELECT provider_id, payouts_enabled FROM payout_account WHERE seller_id = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getBoolean(2)), sellerId.value()).stream().findFirst();
    }

    public Optional<UserId> sellerOf(String providerId) {
        return jdbc.queryForList("SELECT seller_id FROM payout_account WHERE provider_id = ?", java.util.UUID.class,
                providerId).stream().findFirst().map(UserId::new);
    }

    public record Entry(String providerId, boolean payoutsEnabled) {

    }

}
