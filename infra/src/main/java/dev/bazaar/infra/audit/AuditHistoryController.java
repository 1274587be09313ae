package dev.bazaar.infra.audit;

import dev.bazaar.infra.stream.EventJson;
import dev.bazaar.infra.stream.PositionWindows;
import dev.bazaar.infra.stream.StreamedEvent;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.projections.audit.EventChain;
import dev.bazaar.projections.audit.StoredEvent;
import dev.bazaar.kernel.problem.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The history for auditors: every event of one aggregate in sequence, and a search of the whole history by request
 * (correlation id), actor, event type and time. Admins see personal data opened (redacted for forgotten users);
 * auditors see it left out. Password hashes are never shown.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditHistoryController {

    /** Path names of the aggregate types, to the names the event store records. */
    private static final Map<String, String> AGGREGATE_TYPES = Map.of("listing", "Listing", "order", "Order",
            "user", "User", "category", "Category", "organisation", "Organisation", "payout-account",
            "PayoutAccount");

    private static final String AGGREGATE_TYPE_NAMES = "listing|order|user|category|organisation|payout-account";

    /** Positions per search query (PositionWindows). */
    private static final long WINDOW = 100_000;

    private static final String COLUMNS = StoredEvent.columns("e") + ", c.digest";

    private final JdbcTemplate jdbc;

    private final EventJson events;

    private final AggregateTimeTravel timeTravel;

    private final EventChain chain;

    AuditHistoryController(JdbcTemplate jdbc, EventJson events, AggregateTimeTravel timeTravel, EventChain chain) {
        this.jdbc = jdbc;
        this.events = events;
        this.timeTravel = timeTravel;
        this.chain = chain;
    }

    record History(String aggregateType, String aggregateId, List<StreamedEvent> events) {
    }

    record Found(List<StreamedEvent> events, long next) {
    }

    /** Every event of the aggregate, in its own sequence, each with its global position and chain digest. */
    @GetMapping("/aggregates/{type}/{id}/events")
    History aggregate(@PathVariable @Pattern(regexp = AGGREGATE_TYPE_NAMES) String type,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,100}") String id, Actor actor) {
        String storedType = AGGREGATE_TYPES.get(type);
        List<StreamedEvent> history = jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry e "
                + "LEFT JOIN audit_chain c ON c.position = e.global_index "
                + "WHERE e.aggregate_identifier = ? AND e.type = ? ORDER BY e.sequence_number",
                (row, n) -> events.toEvent(StoredEvent.read(row), row.getBytes(11), personalDataFor(actor)), id,
                storedType);
        if (history.isEmpty()) {
            throw new NotFound(type, id);
        }
        return new History(storedType, id, history);
    }

    /**
     * The aggregate's state after version {@code version} or as it stood at {@code asOf} (the latest without either),
     * rebuilt by the command side's own aggregate code.
     */
    @GetMapping("/aggregates/{type}/{id}/state")
    AggregateTimeTravel.State state(@PathVariable @Pattern(regexp = AGGREGATE_TYPE_NAMES) String type,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,100}") String id,
            @RequestParam(required = false) @Min(0) Long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (version != null && asOf != null) {
            throw new OneOf("version", "asOf");
        }
        return timeTravel.rebuild(AGGREGATE_TYPES.get(type), id, new AggregateTimeTravel.Until(version, asOf));
    }

    /** Chained events matching every given filter, in position order, a page after {@code after}. */
    @GetMapping("/events")
    Found search(@RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String correlationId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String actorId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}") String type,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant fromTime,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, Actor actor) {
        var page = PositionWindows.read(after, chain.head().position(), WINDOW, limit, (from, through, remaining) -> {
            var sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event_index i "
                    + "JOIN domain_event_entry e ON e.global_index = i.position "
                    + "JOIN audit_chain c ON c.position = i.position WHERE i.position > ? AND i.position <= ?");
            List<Object> arguments = new ArrayList<>(List.of(from, through));
            filter(sql, arguments, "i.correlation_id = ?", correlationId);
            filter(sql, arguments, "i.actor_id = ?", actorId);
            filter(sql, arguments, "i.event_type = ?", type);
            filter(sql, arguments, "i.occurred_at >= ?", timestamp(fromTime));
            filter(sql, arguments, "i.occurred_at < ?", timestamp(to));
            sql.append(" ORDER BY i.position LIMIT ?");
            arguments.add(remaining);
            return jdbc.query(sql.toString(), (row, n) -> events.toEvent(StoredEvent.read(row), row.getBytes(11),
                    personalDataFor(actor)), arguments.toArray());
        }, StreamedEvent::position);
        return new Found(page.events(), page.next());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void filter(StringBuilder sql, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            arguments.add(value);
        }
    }

    /** Staff who may read other users' personal data (admins) see it opened; auditors see it left out. */
    private static EventJson.PersonalData personalDataFor(Actor actor) {
        return actor.is(Role.ADMIN) ? EventJson.PersonalData.OPEN : EventJson.PersonalData.OMIT;
    }

}
