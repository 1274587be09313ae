package dev.bazaar.kernel.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one refund of an order; also the idempotency key of its calls to the payment provider. */
public record RefundId(UUID value) {

    public RefundId {
        Objects.requireNonNull(value, "value");
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID());
    }

    @JsonCreator
    public static RefundId of(String value) {
        return new RefundId(UUID.fromString(value));
    }

    /** Axon routes commands by the identifier's string form, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

}
