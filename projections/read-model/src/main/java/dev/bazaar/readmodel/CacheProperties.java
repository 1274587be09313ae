package dev.bazaar.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The read models' Redis caches ({@code bazaar.cache.*}).
 *
 * @param prefix             the start of every key ({@link CacheKeys}), so that test runs and tenants never collide
 * @param listingTtl         how long a cached listing detail lives without an invalidation
 * @param categoryTreeTtl    how long the cached category tree lives
 * @param sellerDashboardTtl how long a seller's cached order counts live
 */
@ConfigurationProperties("bazaar.cache")
public record CacheProperties(@DefaultValue("bazaar:") String prefix, @DefaultValue("PT10M") Duration listingTtl,
        @DefaultValue("PT1M") Duration categoryTreeTtl, @DefaultValue("PT1M") Duration sellerDashboardTtl) {
}
