package dev.bazaar.command.common;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;

/** The platform acting by itself: the payment process and deadlines. Events it causes say so in their metadata. */
public final class SystemActor {

    /** The order process: payments, payouts, refunds at the provider, and the stock they give back. */
    public static final Actor ORDER_PROCESS = new Actor(UserId.of("00000000-0000-0000-0000-00000000000a"),
            Role.SYSTEM);

    private SystemActor() {
    }

}
