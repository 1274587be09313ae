package dev.bazaar.infra.config;

import dev.bazaar.kernel.identity.Actor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the acting user comes from headers (X-Bazaar-User, X-Bazaar-Role), not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /** Endpoints that act on behalf of a user document the two (temporary) identity headers. */
    @Bean
    OperationCustomizer actorHeadersInOpenApi() {
        return (operation, handler) -> {
            boolean acts = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> Actor.class.equals(parameter.getParameterType()));
            if (acts) {
                operation.addParametersItem(new HeaderParameter().name("X-Bazaar-User").required(true)
                        .description("The acting user's id (temporary, until JWT)").schema(new UUIDSchema()));
                operation.addParametersItem(new HeaderParameter().name("X-Bazaar-Role").required(true)
                        .description("buyer, seller, admin, auditor or support (temporary, until JWT)")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI bazaarOpenApi() {
        return new OpenAPI().info(new Info().title("Bazaar API").version("v1").description("""
                Commands answer {id, version, position}; pass position as consistentWith to any query to read your \
                own write. Until identity lands, name the acting user in X-Bazaar-User (UUID) and X-Bazaar-Role \
                (buyer, seller, admin). Errors are application/problem+json."""));
    }

}
