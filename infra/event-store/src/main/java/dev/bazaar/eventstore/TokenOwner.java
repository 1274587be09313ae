package dev.bazaar.eventstore;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name this application's claims carry in token_entry's owner column: the JVM's ({@code pid@host}) plus a part of
 * its own, so that two applications in one JVM (tests run several) never take each other's claims for their own.
 */
public record TokenOwner(String name) {

    static TokenOwner ofThisApplication() {
        return new TokenOwner(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

}
