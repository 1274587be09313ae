package dev.bazaar.kernel.payout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bazaar.kernel.identity.UserId;

/**
 * A seller's payout account: one per seller. Its string form is prefixed because aggregate identifiers share one
 * space in the event store, and the seller's own UUID already names their user.
 */
public record PayoutAccountId(UserId sellerId) {

    private static final String PREFIX = "payout-account-";

    @JsonCreator
    public static PayoutAccountId of(String value) {
        return new PayoutAccountId(UserId.of(value.substring(PREFIX.length())));
    }

    @JsonValue
    @Override
    public String toString() {
        return PREFIX + sellerId;
    }

}
