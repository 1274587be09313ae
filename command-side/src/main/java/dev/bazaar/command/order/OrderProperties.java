package dev.bazaar.command.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The order process's settings ({@code bazaar.orders.*}); how often the acceptance sweep runs is
 * {@code bazaar.orders.acceptance-sweep-interval}, read by its schedule.
 *
 * @param acceptanceWindow how long a seller has to accept an authorised order
 * @param completionWindow how long after shipment or delivery an order completes by itself
 * @param commission       the platform's share of each order
 */
@ConfigurationProperties("bazaar.orders")
public record OrderProperties(@DefaultValue("PT48H") Duration acceptanceWindow,
        @DefaultValue("P7D") Duration completionWindow, @DefaultValue Commission commission) {

    /**
     * @param defaultBasisPoints      the platform's share in basis points (1000 = 10 %)
     * @param categories              rates per category id, over the default
     * @param sellers                 rates per seller id, over their category's
     * @param refundsReturnCommission whether a refund after release gives the commission back in proportion
     */
    public record Commission(@DefaultValue("1000") int defaultBasisPoints, @DefaultValue Map<UUID, Integer> categories,
            @DefaultValue Map<UUID, Integer> sellers, @DefaultValue("true") boolean refundsReturnCommission) {
    }

}
