package dev.bazaar.query.order;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.order.OrderStatus;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.jooq.tables.records.OrderSummaryRecord;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;

/** Orders, for their buyer, their seller and staff; to anyone else an order does not exist (404). */
@RestController
@RequestMapping("/api/v1/orders")
public class OrderQueryController {

    static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.SUPPORT, Role.AUDITOR);

    private final DSLContext sql;

    private final ProjectionPositions positions;

    OrderQueryController(DSLContext sql, ProjectionPositions positions) {
        this.sql = sql;
        this.positions = positions;
    }

    /** @param heldAfterCompletionMinor money the completed order holds again (a refund refused or returned later) */
    record Amounts(long totalMinor, long unitPriceMinor, long shippingMinor, long capturedMinor, long refundedMinor,
            long releasedToSellerMinor, long paidOutMinor, long heldAfterCompletionMinor, String currency) {
    }

    record OrderView(UUID id, UUID listingId, UUID buyerId, UUID sellerId, String status, int quantity,
            Amounts amounts, int commissionBasisPoints, boolean disputed, String note, Instant acceptBy,
            Instant completeBy, Instant placedAt, Instant updatedAt, long version) {
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable UUID id, Actor actor, @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.ORDER_READ_MODEL, consistentWith);
        OrderSummaryRecord row = sql.selectFrom(ORDER_SUMMARY).where(ORDER_SUMMARY.ORDER_ID.eq(id)).fetchOne();
        if (row == null || !mayRead(actor, row.getBuyerId(), row.getSellerId())) {
            throw new NotFound("order", id);
        }
        return view(row);
    }

    /** The caller's orders as buyer (default) or seller, newest first, optionally of one status; a page at offset. */
    @GetMapping
    List<OrderView> mine(Actor actor,
            @RequestParam(defaultValue = "buyer") @Pattern(regexp = "buyer|seller") String as,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.ORDER_READ_MODEL, consistentWith);
        Condition party = "seller".equals(as) ? ORDER_SUMMARY.SELLER_ID.eq(actor.id().value())
                : ORDER_SUMMARY.BUYER_ID.eq(actor.id().value());
        Condition filter = status == null ? party : party.and(ORDER_SUMMARY.STATUS.eq(status.name()));
        return sql.selectFrom(ORDER_SUMMARY)
                .where(filter)
                .orderBy(ORDER_SUMMARY.PLACED_AT.desc(), ORDER_SUMMARY.ORDER_ID)
                .limit(limit)
                .offset(offset)
                .fetch(OrderQueryController::view);
    }

    public static boolean mayRead(Actor actor, UUID buyerId, UUID sellerId) {
        return STAFF.contains(actor.role()) || actor.id().value().equals(buyerId)
                || actor.id().value().equals(sellerId);
    }

    private static OrderView view(OrderSummaryRecord row) {
        return new OrderView(row.getOrderId(), row.getListingId(), row.getBuyerId(), row.getSellerId(),
                row.getStatus().toLowerCase(Locale.ROOT), row.getQuantity(),
                new Amounts(row.getTotalMinor(), row.getUnitPriceMinor(), row.getShippingMinor(),
                        row.getCapturedMinor(), row.getRefundedMinor(), row.getReleasedMinor(), row.getPaidOutMinor(),
                        row.getHeldAfterCompletionMinor(), row.getCurrency()),
                row.getCommissionBasisPoints(), row.getDisputed(), row.getNote(), instant(row.getAcceptBy()),
                instant(row.getCompleteBy()), instant(row.getPlacedAt()), instant(row.getUpdatedAt()),
                row.getVersion());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
