package dev.bazaar.command;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;

import java.util.Map;

/** Acting users for aggregate tests, as the metadata a command carries. */
public final class Actors {

    public static final UserId SELLER = UserId.of("00000000-0000-0000-0000-00000000000a");

    public static final UserId OTHER_SELLER = UserId.of("00000000-0000-0000-0000-00000000000b");

    public static final UserId ADMIN = UserId.of("00000000-0000-0000-0000-00000000000c");

    public static final UserId BUYER = UserId.of("00000000-0000-0000-0000-00000000000d");

    private Actors() {
    }

    public static Map<String, Object> as(UserId user, Role role) {
        return Map.of(Actor.ID_KEY, user.toString(), Actor.ROLE_KEY, role.name());
    }

    public static Map<String, Object> theSeller() {
        return as(SELLER, Role.SELLER);
    }

    public static Map<String, Object> anotherSeller() {
        return as(OTHER_SELLER, Role.SELLER);
    }

    public static Map<String, Object> anAdmin() {
        return as(ADMIN, Role.ADMIN);
    }

    public static Map<String, Object> aBuyer() {
        return as(BUYER, Role.BUYER);
    }

}
