package dev.bazaar.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.order.OrderStatus;
import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.CacheProperties;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.query.common.GenerationCache;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;

/**
 * A seller's order counts for their dashboard, cached in Redis and invalidated by the order read model after each
 * change to the seller's orders. With {@code consistentWith}, counted afresh once the read model has caught up.
 */
@RestController
class SellerDashboardController {

    private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.SUPPORT, Role.AUDITOR);

    private final DSLContext sql;

    private final GenerationCache cache;

    private final CacheKeys keys;

    private final ObjectMapper json;

    private final ProjectionPositions positions;

    private final Duration ttl;

    SellerDashboardController(DSLContext sql, GenerationCache cache, CacheKeys keys, ObjectMapper json,
            ProjectionPositions positions, CacheProperties caches) {
        this.sql = sql;
        this.cache = cache;
        this.keys = keys;
        this.json = json;
        this.positions = positions;
        this.ttl = caches.sellerDashboardTtl();
    }

    /** open: orders not yet completed or cancelled; byStatus: every status the seller has orders in; disputed. */
    record SellerDashboard(UUID sellerId, long open, long disputed, Map<String, Long> byStatus) {
    }

    @GetMapping("/api/v1/sellers/{id}/dashboard")
    SellerDashboard dashboard(@PathVariable UUID id, Actor actor,
            @RequestParam(required = false) @Min(0) Long consistentWith) throws JsonProcessingException {
        if (!actor.id().value().equals(id) && !STAFF.contains(actor.role())) {
            throw new NotFound("seller", id);
        }
        if (consistentWith != null) {
            positions.awaitPosition(ProjectionNames.ORDER_READ_MODEL, consistentWith);
            return count(id);
        }
        String cached = cache.cachedOrBuild(keys.sellerOrderCounts(id), keys.sellerOrderGeneration(id), ttl,
                () -> write(count(id)));
        return json.readValue(cached, SellerDashboard.class);
    }

    private SellerDashboard count(UUID sellerId) {
        Map<String, Long> byStatus = new TreeMap<>();
        sql.select(ORDER_SUMMARY.STATUS, DSL.count())
                .from(ORDER_SUMMARY)
                .where(ORDER_SUMMARY.SELLER_ID.eq(sellerId))
                .groupBy(ORDER_SUMMARY.STATUS)
                .forEach(row -> byStatus.put(row.value1().toLowerCase(Locale.ROOT), row.value2().longValue()));
        long open = byStatus.entrySet().stream()
                .filter(entry -> OrderStatus.valueOf(entry.getKey().toUpperCase(Locale.ROOT)).isOpen())
                .mapToLong(Map.Entry::getValue).sum();
        long disputed = sql.fetchCount(ORDER_SUMMARY, ORDER_SUMMARY.SELLER_ID.eq(sellerId)
                .and(ORDER_SUMMARY.DISPUTED.isTrue()));
        return new SellerDashboard(sellerId, open, disputed, byStatus);
    }

    private String write(SellerDashboard dashboard) {
        try {
            return json.writeValueAsString(dashboard);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
