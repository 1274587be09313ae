package dev.bazaar.app.replica;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * A PostgreSQL streaming standby that query requests read from ({@code bazaar.read-replica.*}); off without a url.
 *
 * @param url JDBC url of the standby, e.g. {@code jdbc:postgresql://127.0.0.1:5433/bazaar}
 * @param username defaults to the primary's ({@code spring.datasource.username}); a standby has the primary's roles
 * @param password defaults to the primary's
 * @param maxPoolSize connections to the standby
 * @param maxLag reads go to the primary while the standby is further behind than this
 * @param probeInterval how often the standby's replay position and the primary's WAL position are compared
 */
@ConfigurationProperties("bazaar.read-replica")
public record ReadReplicaProperties(String url, String username, String password,
        @DefaultValue("16") int maxPoolSize, @DefaultValue("PT5S") Duration maxLag,
        @DefaultValue("PT1S") Duration probeInterval) {
}
