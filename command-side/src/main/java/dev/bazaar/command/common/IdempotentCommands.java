package dev.bazaar.command.common;

import dev.bazaar.eventstore.AppendedEvents;
import dev.bazaar.eventstore.rows.StoredEvents;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Executes each command of a keyed request once, however often the request is retried (ADR 0021). Inside the
 * command's transaction, before it is handled, the command's row is inserted ({@code idempotency_command}, keyed by
 * actor, key and the command's number in the request); its answer is written in the same transaction once the events
 * are stored. So the row, the events and the answer commit together or not at all: a crash before the commit leaves
 * nothing and the retry executes the command; after it, the retry finds the row and gets the first answer without
 * executing anything. A retry racing the first attempt waits on the row's unique key until the first commits or
 * rolls back.
 */
final class IdempotentCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;

    private final StoredEvents store;

    IdempotentCommands(JdbcTemplate jdbc, StoredEvents store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!(metaData.get(IdempotentRequest.KEY) instanceof String key)) {
            return chain.proceed();
        }
        String actor = (String) metaData.get(IdempotentRequest.ACTOR);
        int index = Integer.parseInt((String) metaData.get(IdempotentRequest.INDEX));
        String aggregateId = (String) metaData.get(IdempotentRequest.AGGREGATE);
        int claimed = jdbc.update("""
                INSERT INTO idempotency_command (actor_id, idempotency_key, command_index, aggregate_id)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, actor, key, index, aggregateId);
        if (claimed == 0) {
            return firstAnswer(actor, key, index);
        }
        AppendedEvents appended = AppendedEvents.start();
        unitOfWork.onCleanup(done -> appended.stop());
        Object result = chain.proceed();
        // registered after the handler, so it runs after the event store's own prepare-commit stored the events
        unitOfWork.onPrepareCommit(committing -> {
            CommandAccepted answer = CommandSender.answer(aggregateId, appended, store);
            jdbc.update("""
                    UPDATE idempotency_command SET version = ?, position = ?
                    WHERE actor_id = ? AND idempotency_key = ? AND command_index = ?
                    """, answer.version(), answer.position(), actor, key, index);
        });
        return result;
    }

    private AlreadyExecuted firstAnswer(String actor, String key, int index) {
        List<CommandAccepted> answers = jdbc.query("""
                SELECT aggregate_id, version, position FROM idempotency_command
                WHERE actor_id = ? AND idempotency_key = ? AND command_index = ?
                """, (row, n) -> new CommandAccepted(row.getString(1), row.getLong(2), row.getLong(3)),
                actor, key, index);
        return new AlreadyExecuted(answers.get(0));
    }

    /** What a command sent again answers instead of being executed: the answer of its first execution. */
    record AlreadyExecuted(CommandAccepted answer) {
    }

}
