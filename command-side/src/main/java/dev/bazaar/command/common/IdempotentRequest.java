package dev.bazaar.command.common;

import java.util.Map;

/**
 * The request with an {@code Idempotency-Key} this thread is serving: every command it sends is numbered, so that a
 * retry of the request, which sends the same commands in the same order, names each of them again
 * ({@link IdempotentCommands} executes each once). Opened and closed by the web's idempotency filter.
 */
public final class IdempotentRequest {

    static final String ACTOR = "idempotency.actor";

    static final String KEY = "idempotency.key";

    static final String INDEX = "idempotency.index";

    static final String AGGREGATE = "idempotency.aggregate";

    private static final ThreadLocal<IdempotentRequest> CURRENT = new ThreadLocal<>();

    private final String actor;

    private final String key;

    private int sent;

    private IdempotentRequest(String actor, String key) {
        this.actor = actor;
        this.key = key;
    }

    /** This thread now serves the request of this actor with this key, until {@link #close}. */
    public static void open(String actor, String key) {
        CURRENT.set(new IdempotentRequest(actor, key));
    }

    public static void close() {
        CURRENT.remove();
    }

    /** The metadata that names the next command this thread sends, or none outside a keyed request. */
    static Map<String, String> nextCommand(String aggregateId) {
        IdempotentRequest request = CURRENT.get();
        if (request == null) {
            return Map.of();
        }
        return Map.of(ACTOR, request.actor, KEY, request.key, INDEX, Integer.toString(request.sent++),
                AGGREGATE, aggregateId);
    }

}
