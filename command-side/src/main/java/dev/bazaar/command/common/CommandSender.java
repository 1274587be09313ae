package dev.bazaar.command.common;

import dev.bazaar.eventstore.AppendedEvents;
import dev.bazaar.eventstore.rows.StoredEvents;
import dev.bazaar.kernel.identity.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a command on behalf of an actor and answers with what a client needs to read its own write:
 * the aggregate's new version and the global position of the last event the command stored.
 */
@Component
public class CommandSender {

    /** Metadata key, and SLF4J MDC key set by the web layer, of the id shared by everything one request caused. */
    public static final String CORRELATION_KEY = "correlationId";

    private final CommandGateway gateway;

    private final StoredEvents store;

    CommandSender(CommandGateway gateway, StoredEvents store) {
        this.gateway = gateway;
        this.store = store;
    }

    public CommandAccepted send(Object command, String aggregateId, Actor actor) {
        String correlationId = Optional.ofNullable(MDC.get(CORRELATION_KEY))
                .orElseGet(() -> UUID.randomUUID().toString());
        var metaData = MetaData.from(Map.of(
                Actor.ID_KEY, actor.id().toString(),
                Actor.ROLE_KEY, actor.role().name(),
                CORRELATION_KEY, correlationId)).mergedWith(IdempotentRequest.nextCommand(aggregateId));
        Object[] result = new Object[1];
        var appended = AppendedEvents.during(() -> result[0] =
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
        if (result[0] instanceof IdempotentCommands.AlreadyExecuted again) {
            return again.answer();
        }
        return answer(aggregateId, appended, store);
    }

    /**
     * What a command answers: where its appends left the aggregate, or where the aggregate stands (for a command that
     * changed nothing, or one that was retried on another thread after a lost race). Also the answer
     * {@link IdempotentCommands} keeps for a command sent again.
     */
    static CommandAccepted answer(String aggregateId, AppendedEvents appended, StoredEvents store) {
        return appended.to(aggregateId)
                .map(last -> new CommandAccepted(aggregateId, last.sequenceNumber(), last.position()))
                .orElseGet(() -> store.lastOf(aggregateId)
                        .map(last -> new CommandAccepted(aggregateId, last.sequenceNumber(), last.position()))
                        .orElseThrow());
    }

}
