package dev.bazaar.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    private final ActorHeaders actorHeaders;

    CommandWebConfiguration(ActorHeaders actorHeaders) {
        this.actorHeaders = actorHeaders;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actorHeaders);
    }

}
