package dev.bazaar.kernel.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one listing for its whole life; serialized as a bare UUID string. */
public record ListingId(UUID value) {

    public ListingId {
        Objects.requireNonNull(value, "value");
    }

    public static ListingId random() {
        return new ListingId(UUID.randomUUID());
    }

    @JsonCreator
    public static ListingId of(String value) {
        return new ListingId(UUID.fromString(value));
    }

    /** Axon routes commands by the identifier's string form, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

}
