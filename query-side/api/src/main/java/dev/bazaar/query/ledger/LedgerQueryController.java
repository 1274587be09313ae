package dev.bazaar.query.ledger;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import dev.bazaar.query.order.OrderQueryController;
import jakarta.validation.constraints.Min;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ENTRY;
import static dev.bazaar.readmodel.jooq.Tables.ORDER_SUMMARY;

/** The ledger: an order's postings, a seller's balance, and the invariant check auditors run. */
@RestController
class LedgerQueryController {

    private final DSLContext sql;

    private final ProjectionPositions positions;

    private final LedgerInvariants invariants;

    LedgerQueryController(DSLContext sql, ProjectionPositions positions, LedgerInvariants invariants) {
        this.sql = sql;
        this.positions = positions;
        this.invariants = invariants;
    }

    /** One line of a posting; amountMinor is signed, debit positive and credit negative. */
    record Entry(String eventId, int line, String account, String kind, long amountMinor, String currency,
            Instant occurredAt) {
    }

    record SellerBalance(UUID sellerId, String currency, long pendingMinor, long availableMinor, long paidOutMinor) {
    }

    @GetMapping("/api/v1/orders/{id}/ledger")
    List<Entry> orderLedger(@PathVariable UUID id, Actor actor,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        // the parties come from the order read model, the postings from the ledger: both must have caught up
        positions.awaitPosition(ProjectionNames.ORDER_READ_MODEL, consistentWith);
        positions.awaitPosition(ProjectionNames.LEDGER, consistentWith);
        var order = sql.select(ORDER_SUMMARY.BUYER_ID, ORDER_SUMMARY.SELLER_ID)
                .from(ORDER_SUMMARY)
                .where(ORDER_SUMMARY.ORDER_ID.eq(id))
                .fetchOne();
        if (order == null || !OrderQueryController.mayRead(actor, order.value1(), order.value2())) {
            throw new NotFound("order", id);
        }
        return sql.selectFrom(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.ORDER_ID.eq(id))
                .orderBy(LEDGER_ENTRY.OCCURRED_AT, LEDGER_ENTRY.EVENT_ID, LEDGER_ENTRY.LINE)
                .fetch(row -> new Entry(row.getEventId(), row.getLine(), row.getAccount(), row.getKind(),
                        row.getAmountMinor(), row.getCurrency(), row.getOccurredAt().toInstant()));
    }

    /**
     * Per currency: pending (held in escrow for the seller's orders), available (released, owed, not yet paid out)
     * and paid out (transferred, less reversals).
     */
    @GetMapping("/api/v1/sellers/{id}/balance")
    List<SellerBalance> balance(@PathVariable UUID id, Actor actor,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        if (!actor.id().value().equals(id) && !actor.is(Role.ADMIN) && !actor.is(Role.AUDITOR)) {
            throw new NotFound("seller", id);
        }
        positions.awaitPosition(ProjectionNames.LEDGER, consistentWith);
        return sql.resultQuery("""
                SELECT currency,
                       -coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow'), 0) AS pending,
                       -coalesce(sum(amount_minor) FILTER (WHERE account = 'seller_payable'), 0) AS available,
                       coalesce(sum(amount_minor) FILTER (WHERE account = 'seller_payable' AND kind = 'payout'), 0)
                         - coalesce(sum(-amount_minor) FILTER (WHERE account = 'seller_payable'
                                AND kind IN ('refund', 'seller_debt_recovered') AND amount_minor < 0), 0) AS paid_out
                FROM ledger_entry WHERE seller_id = ? GROUP BY currency ORDER BY currency
                """, id)
                .fetch(row -> new SellerBalance(id, row.get(0, String.class), row.get(1, Long.class),
                        row.get(2, Long.class), row.get(3, Long.class)));
    }

    /** The whole ledger, or one order's part with {@code orderId}. */
    @GetMapping("/api/v1/ledger/invariants")
    LedgerInvariants.Report invariants(@RequestParam(required = false) UUID orderId,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.LEDGER, consistentWith);
        return invariants.check(orderId);
    }

}
