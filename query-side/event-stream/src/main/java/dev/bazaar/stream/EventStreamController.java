package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.UnknownEventType;
import dev.bazaar.eventstore.rows.EventTypes;
import dev.bazaar.eventstore.rows.StreamedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.stream.apikey.ApiKeyAuthentication;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The global event stream for analytics consumers: pages of events in position order, as JSON or as NDJSON
 * ({@code Accept: application/x-ndjson}), resumable from any position. The position to resume from is in the body
 * ({@code next}) and, for both formats, in the {@code Bazaar-Next-Position} header.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventStreamController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    static final String NEXT_POSITION = "Bazaar-Next-Position";

    private final EventStreamReader reader;

    private final EventTypes types;

    private final ObjectMapper json;

    private final LiveTail live;

    EventStreamController(EventStreamReader reader, EventTypes types, ObjectMapper json, LiveTail live) {
        this.reader = reader;
        this.types = types;
        this.json = json;
        this.live = live;
    }

    @GetMapping
    ResponseEntity<EventPage> events(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}") String aggregateType,
            @RequestParam(required = false) @Pattern(regexp = "json") String format) {
        EventPage page = reader.read(after, limit, storedTypes(types), aggregateType);
        return ResponseEntity.ok().header(NEXT_POSITION, Long.toString(page.next()))
                .contentType(MediaType.APPLICATION_JSON).body(page);
    }

    /** NDJSON, chosen by {@code Accept: application/x-ndjson} or {@code format=ndjson}: one event per line. */
    @GetMapping(produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> ndjson(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}") String aggregateType) {
        EventPage page = reader.read(after, limit, storedTypes(types), aggregateType);
        StreamingResponseBody lines = out -> {
            var buffered = new BufferedOutputStream(out, 64 * 1024);
            for (StreamedEvent event : page.events()) {
                json.writeValue(new NonClosing(buffered), event);
                buffered.write('\n');
            }
            buffered.flush();
        };
        return ResponseEntity.ok().header(NEXT_POSITION, Long.toString(page.next())).contentType(NDJSON)
                .body(lines);
    }

    @GetMapping(params = "format=ndjson")
    ResponseEntity<StreamingResponseBody> ndjsonByParameter(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}") String aggregateType) {
        return ndjson(after, limit, types, aggregateType);
    }

    private Set<String> storedTypes(List<String> names) {
        return storedTypes(names, keyScope(), types);
    }

    /**
     * Simple event names (OrderPlaced) to the stored payload types (none: every type); an unknown name is a 400
     * naming it. A caller with an API key ({@code scope}: its key's types) reads only its key's types: all of them
     * when it names none, 403 when it names another.
     */
    static Set<String> storedTypes(List<String> names, Optional<Set<String>> scope, EventTypes types) {
        List<String> asked = names == null ? List.of() : names.stream().map(String::trim).toList();
        if (scope.isPresent()) {
            List<String> outside = asked.stream().filter(name -> !scope.get().contains(name)).toList();
            if (!outside.isEmpty()) {
                throw new NotPermitted("This API key reads only " + String.join(", ", scope.get()) + "; not "
                        + String.join(", ", outside) + ".");
            }
            asked = asked.isEmpty() ? List.copyOf(scope.get()) : asked;
        }
        Set<String> stored = new LinkedHashSet<>();
        for (String name : asked) {
            stored.add(types.bySimpleName(name).orElseThrow(() -> new UnknownEventType("types", name)).getName());
        }
        return stored;
    }

    /**
     * Server-Sent Events from {@code after} (or the {@code Last-Event-ID} a reconnecting client sends), then live:
     * each event's SSE id is its position. 503 when every consumer slot is taken.
     */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(@RequestParam(required = false) @Min(0) Long after,
            @RequestHeader(value = "Last-Event-ID", required = false) @Pattern(regexp = "\\d{1,18}")
            String lastEventId,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Za-z]{0,63}") String aggregateType) {
        long from = lastEventId != null ? Long.parseLong(lastEventId) : after == null ? 0 : after;
        return live.follow(from, storedTypes(types), aggregateType)
                .map(emitter -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(emitter))
                .orElseGet(() -> ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").build());
    }

    /** A JSON Schema for every event type, by name (also in docs/event-schemas.json). */
    @GetMapping("/schema")
    com.fasterxml.jackson.databind.node.ObjectNode schema() {
        return EventSchemas.of(types);
    }

    @GetMapping("/types")
    Set<String> types() {
        return types.simpleNames();
    }

    /** The event types the caller's API key reads, if the caller came with one. */
    private static Optional<Set<String>> keyScope() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication key
                ? Optional.of(key.apiKey().eventTypes()) : Optional.empty();
    }

    /** Jackson closes the stream it writes to; the response's must stay open between lines. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            // the response stream is closed by the container
        }

    }

}
