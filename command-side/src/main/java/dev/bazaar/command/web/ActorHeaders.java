package dev.bazaar.command.web;

import dev.bazaar.command.common.RuleViolation;
import dev.bazaar.command.common.Violation;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;

/**
 * Resolves the acting user of a command from the {@code X-Bazaar-User} and {@code X-Bazaar-Role} headers.
 * <p>
 * Temporary: anyone can claim any identity this way. It stands in until the identity issue replaces it with
 * verified JWTs; controllers will not change, only this resolver.
 */
@Component
public class ActorHeaders implements HandlerMethodArgumentResolver {

    public static final String USER_HEADER = "X-Bazaar-User";

    public static final String ROLE_HEADER = "X-Bazaar-Role";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return actorOf(request.getNativeRequest(HttpServletRequest.class));
    }

    public static Actor actorOf(HttpServletRequest request) {
        String user = request.getHeader(USER_HEADER);
        String role = request.getHeader(ROLE_HEADER);
        if (user == null || role == null) {
            throw new Unidentified();
        }
        UserId userId;
        Role parsedRole;
        try {
            userId = UserId.of(user.trim());
        }
        catch (IllegalArgumentException e) {
            throw new BadActorHeader(USER_HEADER, "must be a UUID");
        }
        try {
            parsedRole = Role.parse(role);
        }
        catch (IllegalArgumentException e) {
            throw new BadActorHeader(ROLE_HEADER, "must be one of " + List.of(Role.values()));
        }
        return new Actor(userId, parsedRole);
    }

    /** No acting user was named. */
    static class Unidentified extends RuleViolation {

        Unidentified() {
            super("unauthenticated", 401, "Name the acting user in " + USER_HEADER + " and " + ROLE_HEADER + ".");
        }

    }

    /** The acting user's headers are malformed. */
    static class BadActorHeader extends RuleViolation {

        BadActorHeader(String header, String message) {
            super("validation", 400, "The acting user's headers are malformed.",
                    List.of(new Violation(header, message)));
        }

    }

}
