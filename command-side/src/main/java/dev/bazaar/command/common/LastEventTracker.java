package dev.bazaar.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Remembers the last domain event a command applied, so that the command's answer can name the aggregate version
 * and, once stored, the event's global position. Sits on the event bus (to see events) and on the command bus (to
 * replace the handler's result with {@link AppliedEvent}).
 */
public final class LastEventTracker {

    private static final String RESOURCE = LastEventTracker.class.getName();

    private LastEventTracker() {
    }

    /** The last event a command applied: its aggregate and sequence number. */
    public record AppliedEvent(String aggregateId, long sequenceNumber) {

    }

    public static MessageDispatchInterceptor<EventMessage<?>> onEvents() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> events) {
                return (index, event) -> {
                    if (event instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                        var applied = new AppliedEvent(domainEvent.getAggregateIdentifier(),
                                domainEvent.getSequenceNumber());
                        CurrentUnitOfWork.get().root().resources().put(RESOURCE, applied);
                    }
                    return event;
                };
            }
        };
    }

    public static MessageHandlerInterceptor<CommandMessage<?>> onCommands() {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            Object applied = unitOfWork.root().resources().get(RESOURCE);
            return applied != null ? applied : result;
        };
    }

}
