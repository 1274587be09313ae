package dev.bazaar.app.security;

import dev.bazaar.stream.apikey.ApiKeyAuthentication;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Optional;

/**
 * Gives controllers the acting user, from the verified access token: a parameter of type {@link Actor} requires
 * one (401 without), {@code Optional<Actor>} takes one if present.
 */
class ActorResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType()) || (Optional.class.equals(parameter.getParameterType())
                && Actor.class.equals(parameter.nested().getNestedParameterType()));
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Optional<Actor> actor = current();
        if (Optional.class.equals(parameter.getParameterType())) {
            return actor;
        }
        return actor.orElseThrow(Unauthenticated::new);
    }

    static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication apiKey) {
            // a pipeline, not a user: its key id stands in for the user id (rate limits, logs)
            return Optional.of(new Actor(new UserId(apiKey.apiKey().id()), Role.ANALYTICS));
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(new Actor(UserId.of(token.getToken().getSubject()),
                    Role.parse(token.getToken().getClaimAsString(AccessTokens.ROLE_CLAIM))));
        }
        return Optional.empty();
    }

    /** No access token came with a request that needs one. */
    static class Unauthenticated extends Refusal {

        Unauthenticated() {
            super("unauthenticated", 401, "Log in and send the access token as 'Authorization: Bearer <token>'.");
        }

    }

}
