package dev.bazaar.kernel.identity;

import java.util.Locale;

/** What a user may do on the marketplace. */
public enum Role {

    BUYER, SELLER, ADMIN, AUDITOR, SUPPORT,
    /** Reads the event stream (personal data left out) and nothing else: for analytics pipelines. */
    ANALYTICS,
    /** The platform's own processes (payments, deadlines); never the role of an account. */
    SYSTEM;

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

}
