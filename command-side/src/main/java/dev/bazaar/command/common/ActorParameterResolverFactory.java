package dev.bazaar.command.common;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets handlers take an {@link Actor} parameter, read from the message's metadata. Registered through
 * {@code META-INF/services} so that Spring and Axon's test fixtures both find it.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return actorOf(message);
            }

            @Override
            public boolean matches(Message<?> message) {
                return message.getMetaData().containsKey(Actor.ID_KEY)
                        && message.getMetaData().containsKey(Actor.ROLE_KEY);
            }
        };
    }

    static Actor actorOf(Message<?> message) {
        return new Actor(UserId.of(String.valueOf(message.getMetaData().get(Actor.ID_KEY))),
                Role.parse(String.valueOf(message.getMetaData().get(Actor.ROLE_KEY))));
    }

}
