package dev.bazaar.kernel.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one identity for its whole life; serialized as a bare UUID string. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @JsonCreator
    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    /** Axon routes commands by the identifier's string form, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

}
