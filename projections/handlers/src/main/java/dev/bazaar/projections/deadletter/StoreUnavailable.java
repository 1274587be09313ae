package dev.bazaar.projections.deadletter;

/**
 * A store a projection writes to (Elasticsearch, Redis) did not answer. Nothing is wrong with the event: the batch
 * fails and is retried with the processor's back-off until the store is back, and the event is never parked, so
 * that an outage needs nobody to retry dead letters afterwards.
 */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

}
