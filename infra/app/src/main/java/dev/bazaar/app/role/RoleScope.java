package dev.bazaar.app.role;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Set;

/**
 * Which side of the architecture each scanned class belongs to, and so which roles assemble it: the one table of
 * what runs where (docs/architecture.md draws it). A class of no side (the event store, the read model's schema,
 * security, the account and category directories that commands and logins consult) is in every role. The filter
 * excludes a class from the component scan when this instance's role does not run its side, so a query instance has
 * no event processor, aggregate or scheduled job to start, rather than having them switched off.
 */
public final class RoleScope implements TypeFilter, EnvironmentAware {

    private static final String AGGREGATE = "org.axonframework.spring.stereotype.Aggregate";

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    /** Command-side classes outside command-side's controllers and aggregates that only the command role runs. */
    private static final Set<String> COMMAND_ONLY = Set.of(
            "dev.bazaar.command.common.DeadlineConfiguration",
            "dev.bazaar.command.web.IdempotencyRetention",
            "dev.bazaar.app.security.AdminBootstrap");

    private Role role = Role.ALL;

    @Override
    public void setEnvironment(Environment environment) {
        role = Role.of(environment.getProperty(Role.PROPERTY));
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        Role side = sideOf(reader.getClassMetadata().getClassName(),
                reader.getAnnotationMetadata().hasAnnotation(AGGREGATE),
                reader.getAnnotationMetadata().hasAnnotation(REST_CONTROLLER));
        return side != null && !role.runs(side);
    }

    /** The side a class belongs to, or null for a class every role needs. */
    static Role sideOf(String className, boolean aggregate, boolean restController) {
        if (className.startsWith("dev.bazaar.projections.")) {
            return Role.PROJECTOR;
        }
        if (className.startsWith("dev.bazaar.query.") || className.startsWith("dev.bazaar.audit.")
                || className.startsWith("dev.bazaar.stream.") && !className.startsWith("dev.bazaar.stream.apikey.")) {
            return Role.QUERY;
        }
        if (className.startsWith("dev.bazaar.command.payment.") || COMMAND_ONLY.contains(className)
                || className.startsWith("dev.bazaar.command.") && (aggregate || restController)) {
            return Role.COMMAND;
        }
        return null;
    }

}
