package dev.bazaar.projections.rebuild;

import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Second instances of a projection's event handlers, built with the same constructors as the live beans but with some
 * of their collaborators replaced: the jOOQ context that writes the twin tables, the search index built beside the
 * live one. A collaborator of the projections' own that depends on a replaced one is built anew the same way; every
 * other collaborator is the application's bean. So the rebuild runs the projection's own code, not a copy of it.
 */
final class ProjectionTwin {

    private static final String PROJECTIONS = "dev.bazaar.projections";

    private final ApplicationContext context;

    private final Map<Class<?>, Object> replacements;

    private ProjectionTwin(ApplicationContext context, Map<Class<?>, Object> replacements) {
        this.context = context;
        this.replacements = replacements;
    }

    /** Twins of every handler bean of the processing group. */
    static List<Object> of(String processingGroup, ApplicationContext context, Map<Class<?>, Object> replacements) {
        var twin = new ProjectionTwin(context, replacements);
        List<Object> handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> inGroup(bean, processingGroup))
                .map(bean -> twin.build(AopUtils.getTargetClass(bean)))
                .toList();
        if (handlers.isEmpty()) {
            throw new IllegalStateException("No event handlers in processing group " + processingGroup);
        }
        return handlers;
    }

    static boolean inGroup(Object bean, String processingGroup) {
        ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
        return group != null && processingGroup.equals(group.value());
    }

    private Object build(Class<?> type) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type + " needs exactly one constructor to be twinned");
        }
        Constructor<?> constructor = constructors[0];
        Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(this::argument).toArray();
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        }
        catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not build a twin of " + type, e);
        }
    }

    private Object argument(Class<?> type) {
        Object replaced = replacements.get(type);
        if (replaced != null) {
            return replaced;
        }
        return dependsOnReplaced(type) ? build(type) : context.getBean(type);
    }

    private boolean dependsOnReplaced(Class<?> type) {
        if (replacements.containsKey(type)) {
            return true;
        }
        if (!type.getPackageName().startsWith(PROJECTIONS) || type.isInterface() || type.isRecord()) {
            return false;
        }
        return Arrays.stream(type.getDeclaredConstructors()).flatMap(c -> Arrays.stream(c.getParameterTypes()))
                .anyMatch(this::dependsOnReplaced);
    }

}
