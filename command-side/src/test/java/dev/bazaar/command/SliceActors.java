package dev.bazaar.command;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The acting user of a controller slice test, from a header ({@value #HEADER}: {@code <user id> <ROLE>}), where the
 * application takes it from the verified access token.
 */
@TestConfiguration
public class SliceActors implements WebMvcConfigurer {

    public static final String HEADER = "X-Test-Actor";

    public static String header(UserId user, Role role) {
        return user + " " + role.name();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return Actor.class.equals(parameter.getParameterType());
            }

            @Override
            public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                String[] actor = request.getHeader(HEADER).split(" ");
                return new Actor(UserId.of(actor[0]), Role.valueOf(actor[1]));
            }
        });
    }

}
