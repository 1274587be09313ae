package dev.bazaar.command.common;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/** The platform acting by itself: the payment process and deadlines. Events it causes say so in their metadata. */
public final class SystemActor {

    /** The order process: payments, payouts, refunds at the provider, and the stock they give back. */
    public static final Actor ORDER_PROCESS = new Actor(UserId.of("00000000-0000-0000-0000-0000000000f1"),
            Role.SYSTEM);

    private SystemActor() {
    }

    /**
     * The metadata naming the order process as the actor. Events a deadline handler applies carry it explicitly:
     * a deadline message from db-scheduler arrives without the metadata of whoever scheduled it.
     */
    public static MetaData orderProcess() {
        return MetaData.from(Map.of(Actor.ID_KEY, ORDER_PROCESS.id().toString(),
                Actor.ROLE_KEY, ORDER_PROCESS.role().name()));
    }

    /** A command from the order process, with the metadata that names it as the actor. */
    public static CommandMessage<Object> orderProcessCommand(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(orderProcess());
    }

}
