package dev.bazaar.infra.config;

import dev.bazaar.kernel.identity.Actor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the acting user comes from headers (X-Bazaar-User, X-Bazaar-Role), not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI bazaarOpenApi() {
        return new OpenAPI().info(new Info().title("Bazaar API").version("v1").description("""
                Commands answer {id, version, position}; pass position as consistentWith to any query to read your \
                own write. Until identity lands, name the acting user in X-Bazaar-User (UUID) and X-Bazaar-Role \
                (buyer, seller, admin). Errors are application/problem+json."""));
    }

}
