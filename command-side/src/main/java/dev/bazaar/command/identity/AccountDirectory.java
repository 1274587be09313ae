package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.EmailVerified;
import dev.bazaar.kernel.identity.PasswordChanged;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserForgotten;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.UserRegistered;
import dev.bazaar.kernel.identity.UserReinstated;
import dev.bazaar.kernel.identity.UserSuspended;
import dev.bazaar.kernel.identity.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The accounts as login and token checks need them, kept by a subscribing processor inside the appending
 * transaction: a suspension is in force the moment its command answers. Holds the password hash in the clear
 * (it is a bcrypt hash, not a password) so that a login does not need the user's data key.
 */
@Component
@ProcessingGroup(AccountDirectory.PROCESSING_GROUP)
public class AccountDirectory {

    static final String PROCESSING_GROUP = "account-directory";

    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(
            new UserId(rs.getObject("user_id", UUID.class)), Role.valueOf(rs.getString("role")),
            AccountStatus.valueOf(rs.getString("status")), rs.getString("password_hash"),
            rs.getInt("session_generation"));

    private final JdbcTemplate jdbc;

    private final PersonalDataVault vault;

    AccountDirectory(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    public Optional<Account> find(UserId userId) {
        return jdbc.query("SELECT * FROM account WHERE user_id = ?", ACCOUNT, userId.value()).stream().findFirst();
    }

    public Optional<Account> findByEmailIndex(String emailIndex) {
        return jdbc.query("SELECT * FROM account WHERE email_index = ?", ACCOUNT, emailIndex).stream().findFirst();
    }

    @EventHandler
    void on(UserRegistered event) {
        UserId id = event.userId();
        jdbc.update("""
                INSERT INTO account (user_id, role, status, email_index, password_hash)
                VALUES (?, ?, 'ACTIVE', ?, ?)
                ON CONFLICT (user_id) DO NOTHING
                """, id.value(), event.role().name(),
                vault.open(id, "emailIndex", event.emailIndex()).orElse(null),
                vault.open(id, "passwordHash", event.passwordHash()).orElse(null));
    }

    @EventHandler
    void on(EmailVerified event) {
        jdbc.update("UPDATE account SET email_verified = true WHERE user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(PasswordChanged event) {
        UserId id = event.userId();
        jdbc.update("""
                UPDATE account SET password_hash = ?, session_generation = session_generation + 1
                WHERE user_id = ?
                """, vault.open(id, "passwordHash", event.passwordHash()).orElse(null), id.value());
    }

    @EventHandler
    void on(UserSuspended event) {
        changeStatus(event.userId(), AccountStatus.SUSPENDED);
    }

    @EventHandler
    void on(UserReinstated event) {
        changeStatus(event.userId(), AccountStatus.ACTIVE);
    }

    @EventHandler
    void on(UserForgotten event) {
        jdbc.update("""
                UPDATE account SET status = 'FORGOTTEN', email_index = NULL, password_hash = NULL,
                       session_generation = session_generation + 1
                WHERE user_id = ?
                """, event.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE account");
    }

    private void changeStatus(UserId userId, AccountStatus status) {
        jdbc.update("UPDATE account SET status = ?, session_generation = session_generation + 1 WHERE user_id = ?",
                status.name(), userId.value());
    }

}
