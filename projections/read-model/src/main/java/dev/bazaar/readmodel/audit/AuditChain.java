package dev.bazaar.readmodel.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the audit hash chain ({@code audit_chain}) has come. Its head is also the event stream's horizon: every
 * position at or below it is final, no later commit can appear there (docs/audit.md).
 */
@Component
public class AuditChain {

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last chained position and its digest (position 0 and the genesis digest before the first). */
    public Head head() {
        return jdbc.query("SELECT position, digest FROM audit_chain ORDER BY position DESC LIMIT 1",
                (row, n) -> new Head(row.getLong(1), row.getBytes(2))).stream().findFirst()
                .orElse(new Head(0, ChainLink.GENESIS));
    }

    public record Head(long position, byte[] digest) {
    }

}
