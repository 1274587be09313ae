package dev.bazaar.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.HandlerMapping;

/** What answers before Spring MVC does: unknown API paths, and what Tomcat refuses on its own. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** After the role filter (421 for another role's paths), before security. */
    @Bean
    FilterRegistrationBean<UnknownPathFilter> unknownPathFilter(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) {
        var registration = new FilterRegistrationBean<>(new UnknownPathFilter(controllers));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /**
     * Tomcat's error report valve replaced by one that writes problem+json. Last among the customizers, so that it
     * also replaces the one Spring Boot adds; the host is told its class, or it would add Tomcat's own at start.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve(json));
            }
        });
    }

}
