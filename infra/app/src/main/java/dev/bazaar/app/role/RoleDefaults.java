package dev.bazaar.app.role;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Defaults that follow from the role, below the command line and the environment: only instances that run the command
 * side poll db-scheduler's table (the order's completion deadlines are handled by its aggregates, which only they
 * have); readiness waits for what the role uses (a command instance does not need Elasticsearch, and only instances
 * with event processors have their health).
 */
final class RoleDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Role role = Role.of(environment.getProperty(Role.PROPERTY));
        Map<String, Object> defaults = new HashMap<>();
        if (!role.runs(Role.COMMAND)) {
            defaults.put("db-scheduler.enabled", "false");
        }
        if (role != Role.ALL) {
            defaults.put("management.endpoint.health.group.readiness.include", switch (role) {
                case COMMAND -> "readinessState,db,redis";
                case QUERY -> "readinessState,db,redis,elasticsearch";
                default -> "readinessState,db,redis,elasticsearch,eventProcessors";
            });
        }
        if (!defaults.isEmpty()) {
            // before application.yml's db-scheduler.enabled: true, after the command line and the environment
            var sources = environment.getPropertySources();
            var source = new MapPropertySource("bazaar-role-defaults", defaults);
            if (sources.contains("systemEnvironment")) {
                sources.addAfter("systemEnvironment", source);
            } else {
                sources.addFirst(source);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
