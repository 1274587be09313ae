package dev.bazaar.kernel.category;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one category for its whole life; serialized as a bare UUID string. */
public record CategoryId(UUID value) {

    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static CategoryId random() {
        return new CategoryId(UUID.randomUUID());
    }

    @JsonCreator
    public static CategoryId of(String value) {
        return new CategoryId(UUID.fromString(value));
    }

    /** Axon routes commands by the identifier's string form, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

}
