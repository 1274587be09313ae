package dev.bazaar.audit.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.eventstore.rows.StoredEvent;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An order's money trail for auditors: every event of the order that moved money or touched the payment provider, in
 * order, with its provider references (payment intent, transfer, refund, dispute) and the double-entry ledger lines it
 * produced. The ledger is a projection: {@code ledgerUpToDate} says whether it has processed the order's last event
 * (else the newest lines may be missing; {@code consistentWith} waits for a position, as other queries do).
 */
@RestController
@RequestMapping("/api/v1/audit/orders")
class MoneyTrailController {

    /** Payload fields that name an object at the payment provider. */
    private static final List<String> PROVIDER_REFERENCES = List.of("paymentIntentId", "transferId",
            "providerRefundId", "disputeId", "providerReversalId");

    /** Order events that move money, whether or not the ledger has their lines yet. */
    private static final List<String> MONEY_EVENTS = List.of("PaymentAuthorized", "PaymentCaptured",
            "AuthorizationReleased", "EscrowReleased", "PayoutSent", "PayoutFailed", "PayoutRequested",
            "RefundRequested", "RefundIssued", "RefundFailed", "RefundReturned", "ProviderDisputeOpened",
            "ProviderDisputeFundsWithdrawn", "ProviderDisputeFundsReinstated", "ProviderDisputeClosed",
            "SellerDebtRecoveryRequested", "SellerDebtRecovered", "SellerDebtRecoveryFailed");

    private final JdbcTemplate jdbc;

    private final ObjectMapper json;

    private final ProjectionPositions positions;

    MoneyTrailController(JdbcTemplate jdbc, ObjectMapper json, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.json = json;
        this.positions = positions;
    }

    record LedgerLine(String account, String kind, long amountMinor, String currency) {
    }

    record Movement(long position, String eventId, String type, String timestamp, String actorId,
            Map<String, String> provider, JsonNode payload, List<LedgerLine> ledger) {
    }

    record MoneyTrail(UUID orderId, List<Movement> movements, Map<String, Long> ledgerSumByCurrency,
            boolean ledgerUpToDate) {
    }

    @GetMapping("/{id}/money-trail")
    MoneyTrail trail(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.LEDGER, consistentWith);
        Map<String, List<LedgerLine>> ledger = new LinkedHashMap<>();
        jdbc.query("SELECT event_id, account, kind, amount_minor, currency FROM ledger_entry WHERE order_id = ? "
                + "ORDER BY occurred_at, event_id, line", row -> {
                    ledger.computeIfAbsent(row.getString(1), event -> new ArrayList<>()).add(new LedgerLine(
                            row.getString(2), row.getString(3), row.getLong(4), row.getString(5)));
                }, id);
        List<Movement> movements = new ArrayList<>();
        List<StoredEvent> events = EventRowQuery.events().ofAggregate("Order", id.toString()).list(jdbc);
        for (StoredEvent event : events) {
            String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
            List<LedgerLine> lines = ledger.getOrDefault(event.eventIdentifier(), List.of());
            JsonNode payload = read(event.payload());
            Map<String, String> provider = new TreeMap<>();
            PROVIDER_REFERENCES.stream().filter(field -> payload.hasNonNull(field))
                    .forEach(field -> provider.put(field, payload.get(field).asText()));
            if (lines.isEmpty() && provider.isEmpty() && !MONEY_EVENTS.contains(type)) {
                continue;
            }
            JsonNode meta = read(event.metaData());
            movements.add(new Movement(event.position(), event.eventIdentifier(), type, event.timestamp(),
                    meta.hasNonNull("actorId") ? meta.get("actorId").asText() : null, provider, payload, lines));
        }
        if (events.isEmpty() && ledger.isEmpty()) {
            throw new NotFound("order", id);
        }
        Map<String, Long> sums = new TreeMap<>();
        ledger.values().forEach(lines -> lines.forEach(line -> sums.merge(line.currency(), line.amountMinor(),
                Long::sum)));
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).position();
        return new MoneyTrail(id, movements, sums, positions.reached(ProjectionNames.LEDGER, last));
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
