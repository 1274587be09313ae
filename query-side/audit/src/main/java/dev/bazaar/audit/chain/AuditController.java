package dev.bazaar.audit.chain;

import dev.bazaar.readmodel.audit.CheckpointKey;
import dev.bazaar.eventstore.rows.StoredEvents;
import dev.bazaar.readmodel.audit.AuditChain;
import dev.bazaar.readmodel.audit.AuditChainProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Tamper evidence for auditors: the chain's head and key, its signed checkpoints, and a full verification. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditChain chain;

    private final StoredEvents store;

    private final ChainVerifier verifier;

    private final CheckpointKey key;

    private final JdbcTemplate jdbc;

    private final DataSource dataSource;

    private final int checkpointInterval;

    AuditController(AuditChain chain, StoredEvents store, ChainVerifier verifier, CheckpointKey key, JdbcTemplate jdbc,
            DataSource dataSource, AuditChainProperties audit) {
        this.chain = chain;
        this.store = store;
        this.verifier = verifier;
        this.key = key;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.checkpointInterval = audit.checkpointInterval();
    }

    record ChainStatus(long position, String digest, long storeHead, int checkpointInterval, SigningKey key) {
    }

    record SigningKey(String id, String algorithm, String publicKey) {
    }

    record Checkpoint(long position, String digest, String signature, String keyId, Instant signedAt) {
    }

    @GetMapping("/chain")
    ChainStatus chain() {
        var head = chain.head();
        return new ChainStatus(head.position(), HexFormat.of().formatHex(head.digest()), store.head(),
                checkpointInterval, new SigningKey(key.id(), "Ed25519",
                        Base64.getEncoder().encodeToString(key.publicKey().getEncoded())));
    }

    /** Signed checkpoints after a position, oldest first: what an auditor copies out to hold the platform to. */
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return jdbc.query("SELECT position, digest, signature, key_id, signed_at FROM audit_checkpoint "
                + "WHERE position > ? ORDER BY position LIMIT ?", (row, n) -> new Checkpoint(row.getLong(1),
                        HexFormat.of().formatHex(row.getBytes(2)),
                        Base64.getEncoder().encodeToString(row.getBytes(3)), row.getString(4),
                        row.getTimestamp(5).toInstant()), after, limit);
    }

    /** Recomputes the whole chain from the event store: OK, or the first position where history diverges. */
    @GetMapping("/verify")
    VerificationReport verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return verifier.verify(connection);
        }
    }

}
