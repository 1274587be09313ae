package dev.bazaar.kernel.identity;

import java.util.Locale;

/** What a user may do on the marketplace. */
public enum Role {

    BUYER, SELLER, ADMIN, AUDITOR, SUPPORT;

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

}
