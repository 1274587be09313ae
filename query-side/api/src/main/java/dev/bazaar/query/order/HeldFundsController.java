package dev.bazaar.query.order;

import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;

/**
 * Completed orders that hold money again, oldest first: a refund the provider refused or returned after the escrow
 * was released. Each waits for an admin to refund it again ({@code POST /api/v1/orders/{id}/refund}).
 */
@RestController
class HeldFundsController {

    private static final int MOST = 500;

    private final DSLContext sql;

    private final ProjectionPositions positions;

    HeldFundsController(DSLContext sql, ProjectionPositions positions) {
        this.sql = sql;
        this.positions = positions;
    }

    record HeldFunds(UUID orderId, UUID buyerId, UUID sellerId, long heldMinor, String currency, String reason,
            Instant since) {
    }

    /** Admins only, as everything under /api/v1/admin (SecurityConfiguration). */
    @GetMapping("/api/v1/admin/orders/holding-funds")
    List<HeldFunds> holdingFunds(@RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.ORDER_READ_MODEL, consistentWith);
        return sql.selectFrom(ORDER_SUMMARY)
                .where(ORDER_SUMMARY.HELD_AFTER_COMPLETION_MINOR.gt(0L))
                .orderBy(ORDER_SUMMARY.UPDATED_AT, ORDER_SUMMARY.ORDER_ID)
                .limit(MOST)
                .fetch(row -> new HeldFunds(row.getOrderId(), row.getBuyerId(), row.getSellerId(),
                        row.getHeldAfterCompletionMinor(), row.getCurrency(), row.getNote(),
                        row.getUpdatedAt().toInstant()));
    }

}
