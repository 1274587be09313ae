package dev.bazaar.command.payment;

import dev.bazaar.command.common.SystemActor;
import dev.bazaar.kernel.order.ExpireOrder;
import dev.bazaar.kernel.order.OrderId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Expires the orders a seller did not accept in time (ADR 0015). The payment process keeps each authorised order's
 * acceptBy in its row until the order is accepted, declined, cancelled or expired; every interval this sweep sends
 * {@link ExpireOrder} for the rows whose time has passed, oldest first, and takes each off its list once sent (the
 * process does so too when it sees the order end, but a process that is behind, or has parked that event, would leave
 * the row to be swept again every interval). An order accepted in the meantime ignores the command. Every instance
 * sweeps; a second sweep of the same order is a no-op too (or loses the append race and is tried again at the next
 * interval).
 */
@Component
class AcceptanceSweep {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AcceptanceSweep.class);

    /** Orders expired per statement; a backlog (after downtime) is worked off in pages within one sweep. */
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    private final CommandGateway commands;

    AcceptanceSweep(JdbcTemplate jdbc, CommandBus commandBus) {
        this.jdbc = jdbc;
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    /** @return how many orders it sent to expire */
    @Scheduled(fixedDelayString = "${bazaar.orders.acceptance-sweep-interval:PT30S}",
            initialDelayString = "${bazaar.orders.acceptance-sweep-interval:PT30S}")
    int expireOrdersNotAcceptedInTime() {
        Timestamp now = Timestamp.from(Instant.now());
        int sent = 0;
        List<UUID> due;
        do {
            due = jdbc.queryForList("""
                    SELECT order_id FROM order_payment_process WHERE accept_by <= ? ORDER BY accept_by LIMIT ?
                    """, UUID.class, now, PAGE);
            int failed = 0;
            for (UUID order : due) {
                if (expire(order)) {
                    sent++;
                }
                else {
                    failed++;
                }
            }
            if (failed > 0) {
                return sent; // the rest waits for the next sweep rather than read the failed ones again now
            }
        } while (due.size() == PAGE);
        return sent;
    }

    private boolean expire(UUID order) {
        try {
            commands.sendAndWait(SystemActor.orderProcessCommand(new ExpireOrder(new OrderId(order))));
            jdbc.update("UPDATE order_payment_process SET accept_by = NULL WHERE order_id = ?", order);
            return true;
        }
        catch (RuntimeException e) {
            log.warn("Order {} is past its acceptance time but could not be expired now; the next sweep tries again",
                    order, e);
            return false;
        }
    }

}
