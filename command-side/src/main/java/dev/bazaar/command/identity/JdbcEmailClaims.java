package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims in a table with the index as primary key. A second insert of the same key waits on the first one's
 * transaction and then fails, which is what makes a registration race have exactly one winner.
 */
@Component
class JdbcEmailClaims implements EmailClaims {

    private final JdbcTemplate jdbc;

    JdbcEmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String emailIndex, UserId userId) {
        try {
            jdbc.update("INSERT INTO email_claim (email_index, user_id) VALUES (?, ?)", emailIndex, userId.value());
        }
        catch (DuplicateKeyException e) {
            throw new EmailTaken();
        }
    }

    @Override
    public void release(UserId userId) {
        jdbc.update("DELETE FROM email_claim WHERE user_id = ?", userId.value());
    }

}
