package dev.bazaar.app.role;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.util.Map;

/** This instance's role at the web edge: misdirected requests refused, the role shown in /actuator/info. */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    @Bean
    Role role(Environment environment) {
        return Role.of(environment.getProperty(Role.PROPERTY));
    }

    /** Inside the refusal filter (which answers its refusal as problem+json), outside security and the rest. */
    @Bean
    FilterRegistrationBean<RoleRoutingFilter> roleRoutingFilter(Role role) {
        var registration = new FilterRegistrationBean<>(new RoleRoutingFilter(role));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    InfoContributor roleInfo(Role role) {
        return builder -> builder.withDetail("role", Map.of("name", role.value()));
    }

}
