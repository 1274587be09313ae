package dev.bazaar.command.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Forgets idempotency keys after the retention period (24 hours by default, as payment APIs do): a client retrying
 * later than that is sending a new request. The record of each command a keyed request sent goes at the same age.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyRetention {

    private final JdbcTemplate jdbc;

    private final Duration retention;

    IdempotencyRetention(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
    }

    /** @return how many keys were forgotten */
    @Scheduled(fixedDelayString = "${bazaar.idempotency.cleanup-interval:PT10M}")
    public int forgetExpiredKeys() {
        double seconds = retention.toSeconds();
        jdbc.update("DELETE FROM idempotency_command WHERE created_at < now() - make_interval(secs => ?)", seconds);
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)",
                seconds);
    }

}
