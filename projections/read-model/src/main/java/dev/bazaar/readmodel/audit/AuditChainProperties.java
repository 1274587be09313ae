package dev.bazaar.readmodel.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The audit hash chain ({@code bazaar.audit.*}; how often it is extended is {@code bazaar.audit.chain.interval},
 * read by its schedule).
 *
 * @param checkpointInterval positions between two signed checkpoints
 * @param signingKey         the Ed25519 checkpoint key, PKCS#8 base64; empty: the key file in the key folder
 * @param chain              how the chain is extended
 */
@ConfigurationProperties("bazaar.audit")
public record AuditChainProperties(@DefaultValue("1000") int checkpointInterval, @DefaultValue("") String signingKey,
        @DefaultValue Chain chain) {

    /**
     * @param batchSize positions chained per transaction
     * @param gapSettle how long a hole in the positions is given to fill before it may be chained as a gap
     */
    public record Chain(@DefaultValue("2000") int batchSize, @DefaultValue("PT1S") Duration gapSettle) {
    }

}
