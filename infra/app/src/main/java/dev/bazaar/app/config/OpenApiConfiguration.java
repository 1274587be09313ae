package dev.bazaar.app.config;

import dev.bazaar.kernel.identity.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    static {
        // the acting user comes from the access token, not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /** Endpoints that act on behalf of a user say that they need (or take) an access token. */
    @Bean
    OperationCustomizer bearerTokenInOpenApi() {
        return (operation, handler) -> {
            boolean acts = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> Actor.class.equals(parameter.getParameterType())
                            || Optional.class.equals(parameter.getParameterType()));
            if (acts) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                operation.setParameters(operation.getParameters() == null ? null : operation.getParameters().stream()
                        .filter(parameter -> !"actor".equals(parameter.getName())
                                && !"caller".equals(parameter.getName()))
                        .toList());
            }
            return operation;
        };
    }

    @Bean
    OpenAPI bazaarOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from POST /api/v1/auth/token (ES256, 15 minutes)")))
                .info(new Info().title("Bazaar API").version("v1").description("""
                        Log in with POST /api/v1/auth/token and send the access token as \
                        'Authorization: Bearer <token>'; refresh it with POST /api/v1/auth/refresh. Commands answer \
                        {id, version, position}; pass position as consistentWith to any query to read your own \
                        write. Errors are application/problem+json."""));
    }

}
