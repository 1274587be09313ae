package dev.bazaar.kernel.identity;

/** Where an account stands; only an active account may obtain or use tokens. */
public enum AccountStatus {

    ACTIVE, SUSPENDED, FORGOTTEN

}
