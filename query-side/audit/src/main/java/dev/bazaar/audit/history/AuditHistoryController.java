package dev.bazaar.audit.history;

import dev.bazaar.eventstore.rows.EventJson;
import dev.bazaar.eventstore.rows.PositionWindows;
import dev.bazaar.eventstore.rows.StreamedEvent;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.readmodel.audit.AuditChain;
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

    private final JdbcTemplate jdbc;

    private final EventJson events;

    private final AggregateTimeTravel timeTravel;

    private final AuditChain chain;

    AuditHistoryController(JdbcTemplate jdbc, EventJson events, AggregateTimeTravel timeTravel, AuditChain chain) {
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
        List<StreamedEvent> history = EventRowQuery.events()
                .alsoSelect("c.digest")
                .join("LEFT JOIN audit_chain c ON c.position = e.global_index")
                .ofAggregate(storedType, id)
                .list(jdbc, (event, row) -> events.toEvent(event, row.getBytes(EventRowQuery.EXTRA),
                        personalDataFor(actor)));
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
            var query = EventRowQuery.events()
                    .alsoSelect("c.digest")
                    .join("JOIN audit_event_index i ON i.position = e.global_index")
                    .join("JOIN audit_chain c ON c.position = e.global_index")
                    .where("i.position > ? AND i.position <= ?", from, through);
            filter(query, "i.correlation_id = ?", correlationId);
            filter(query, "i.actor_id = ?", actorId);
            filter(query, "i.event_type = ?", type);
            filter(query, "i.occurred_at >= ?", timestamp(fromTime));
            filter(query, "i.occurred_at < ?", timestamp(to));
            return query.orderBy("i.position").limit(remaining).list(jdbc, (event, row) -> events.toEvent(event,
                    row.getBytes(EventRowQuery.EXTRA), personalDataFor(actor)));
        }, StreamedEvent::position);
        return new Found(page.events(), page.next());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void filter(EventRowQuery query, String condition, Object value) {
        if (value != null) {
            query.where(condition, value);
        }
    }

    /** Staff who may read other users' personal data (admins) see it opened; auditors see it left out. */
    private static EventJson.PersonalData personalDataFor(Actor actor) {
        return actor.is(Role.ADMIN) ? EventJson.PersonalData.OPEN : EventJson.PersonalData.OMIT;
    }

}
