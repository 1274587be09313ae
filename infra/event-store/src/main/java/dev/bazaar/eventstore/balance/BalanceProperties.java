package dev.bazaar.eventstore.balance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How instances running the same event processors share their segments ({@code bazaar.processors.balance.*}).
 *
 * @param enabled   whether this instance beats and gives up segments beyond its share; one that does not is not
 *                  counted, and keeps whatever it claims
 * @param interval  how often an instance beats and compares what it holds with its fair share
 * @param deadAfter an instance that has not beaten for this long no longer counts (its claims expire after Axon's
 *                  claim timeout, after which the others take them)
 */
@ConfigurationProperties("bazaar.processors.balance")
public record BalanceProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT5S") Duration interval,
        @DefaultValue("PT15S") Duration deadAfter) {
}
