package dev.bazaar.eventstore.rows;

import dev.bazaar.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The event types of the published language (every record with a {@link Revision} in {@code dev.bazaar.kernel}), by
 * simple name, and which of their fields hold personal data.
 */
@Component
public class EventTypes {

    private final Map<String, Class<?>> bySimpleName = new TreeMap<>();

    private final Map<String, Set<String>> personalFields;

    private final Map<String, Set<String>> secretFields;

    public EventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        for (var candidate : scanner.findCandidateComponents("dev.bazaar.kernel")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            bySimpleName.put(type.getSimpleName(), type);
        }
        personalFields = fieldsWhere(marked -> true);
        secretFields = fieldsWhere(PersonalData::secret);
    }

    /** By stored payload type: the names of the record components marked personal data that pass the test. */
    private Map<String, Set<String>> fieldsWhere(Predicate<PersonalData> test) {
        return bySimpleName.values().stream().filter(Class::isRecord).collect(Collectors.toMap(Class::getName,
                type -> Arrays.stream(type.getRecordComponents())
                        .filter(component -> component.isAnnotationPresent(PersonalData.class)
                                && test.test(component.getAnnotation(PersonalData.class)))
                        .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet())));
    }

    public Optional<Class<?>> bySimpleName(String name) {
        return Optional.ofNullable(bySimpleName.get(name));
    }

    public Set<String> simpleNames() {
        return bySimpleName.keySet();
    }

    /** Fields of the stored payload type (its class name) that hold personal data. */
    public Set<String> personalFields(String payloadType) {
        return personalFields.getOrDefault(payloadType, Set.of());
    }

    /** The personal fields that are secrets even to staff (never opened). */
    public Set<String> secretFields(String payloadType) {
        return secretFields.getOrDefault(payloadType, Set.of());
    }

}
