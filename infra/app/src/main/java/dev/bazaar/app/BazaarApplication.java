package dev.bazaar.app;

import dev.bazaar.app.role.RoleScope;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar for every role; the sides are assembled here by scanning their packages, leaving out those the role
 * ({@code bazaar.role}) does not run ({@link RoleScope}). Spelled out rather than {@code @SpringBootApplication}, whose
 * own component scan would take every class in without the role's filter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "dev.bazaar", excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM,
        classes = {TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class, RoleScope.class}))
@EnableScheduling
public class BazaarApplication {

    public static void main(String[] args) {
        // Axon's phone-home usage report: no outbound calls from a marketplace backend
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BazaarApplication.class, args);
    }

}
