package dev.bazaar.kernel.identity;

import java.util.Objects;

/**
 * Who caused a message. Travels in message metadata (keys {@link #ID_KEY} and {@link #ROLE_KEY}) so that every
 * event records its acting user without each payload repeating it.
 */
public record Actor(UserId id, Role role) {

    public static final String ID_KEY = "actorId";

    public static final String ROLE_KEY = "actorRole";

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role expected) {
        return role == expected;
    }

}
