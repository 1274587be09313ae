package dev.bazaar.query.ledger;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.LEDGER_ORDER;

/**
 * What must hold of the ledger at every moment, checked over all of it: every event's lines sum to zero; for every
 * order captured = released + refunded from escrow + lost from escrow + still held; nothing is held below zero; the
 * platform never owes a seller less than nothing (a seller who owes the platform, after a transfer reversal Stripe
 * refused, is listed here for someone to recover); commission is never negative; no order refunds more than it took;
 * the provider never gives back more for an order's disputes than it withdrew. A refund that came back (the provider
 * could not deliver it) counts against what was refunded, and its amount is held again.
 * The order id in the SQL comes from a UUID parameter, never from text.
 */
@Component
public class LedgerInvariants {

    private final DSLContext sql;

    LedgerInvariants(DSLContext sql) {
        this.sql = sql;
    }

    /** One breach: which rule, where (an event or order id), and the figures. */
    public record Violation(String rule, String subject, String detail) {
    }

    public record Report(boolean holds, long ordersChecked, long eventsChecked, List<Violation> violations) {
    }

    /** The whole ledger, or one order's part of it when orderId is not null. */
    public Report check(UUID orderId) {
        String scope = orderId == null ? "" : "WHERE order_id = '" + orderId + "'";
        List<Violation> unbalanced = sql.resultQuery("""
                SELECT event_id, sum(amount_minor) FROM ledger_entry %s GROUP BY event_id HAVING sum(amount_minor) <> 0
                """.formatted(scope)).fetch(row -> new Violation("event-balances", row.get(0, String.class),
                "lines sum to " + row.get(1, Long.class)));
        List<Violation> orders = sql.resultQuery("""
                WITH per_order AS (
                  SELECT order_id,
                    -coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow' AND kind = 'capture'), 0) captured,
                    coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow' AND kind = 'release'), 0) released,
                    coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow'
                        AND kind IN ('refund', 'refund_returned')), 0) refunded,
                    coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow' AND kind = 'dispute_lost'), 0) lost,
                    -coalesce(sum(amount_minor) FILTER (WHERE account = 'escrow'), 0) held,
                    -coalesce(sum(amount_minor) FILTER (WHERE account = 'seller_payable'), 0) owed,
                    -coalesce(sum(amount_minor) FILTER (WHERE account = 'commission'), 0) commission,
                    -coalesce(sum(amount_minor) FILTER (WHERE account = 'cash'
                        AND kind IN ('refund', 'refund_returned')), 0) refunded_all,
                    coalesce(sum(amount_minor) FILTER (WHERE account = 'disputed_funds'), 0) disputed
                  FROM ledger_entry %s GROUP BY order_id)
                SELECT order_id, captured, released, refunded, lost, held, owed, commission, refunded_all, disputed
                FROM per_order
                WHERE captured <> released + refunded + lost + held
                   OR held < 0 OR owed < 0 OR commission < 0 OR refunded_all > captured OR disputed < 0
                """.formatted(scope)).fetch(row -> new Violation("order-money", row.get(0, String.class), String.format(
                "captured %d, released %d, refunded from escrow %d, lost %d, held %d, owed to seller %d, "
                        + "commission %d, refunded in all %d, held by the provider for disputes %d",
                row.get(1, Long.class), row.get(2, Long.class), row.get(3, Long.class), row.get(4, Long.class),
                row.get(5, Long.class), row.get(6, Long.class), row.get(7, Long.class), row.get(8, Long.class),
                row.get(9, Long.class))));
        long orderCount = orderId == null ? sql.fetchCount(LEDGER_ORDER) : 1;
        Long events = sql.resultQuery("SELECT count(DISTINCT event_id) FROM ledger_entry " + scope)
                .fetchOne(0, Long.class);
        List<Violation> all = new ArrayList<>(unbalanced);
        all.addAll(orders);
        return new Report(all.isEmpty(), orderCount, events == null ? 0 : events, all);
    }

}
