package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.EventTypes;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.eventstore.evolution.JsonUpcaster;
import dev.bazaar.eventstore.evolution.Upcasters;
import dev.bazaar.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON Schema (2020-12) for every event type, derived from the event records the way Jackson writes them: record
 * components are properties, ids (a {@link JsonValue}) are strings, money is {@code {amountMinor, currency}}, enums
 * list their values. Each schema names the event's revision ({@code x-revision}) and its personal-data fields.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** Every event type by name, in name order. */
    public static ObjectNode of(EventTypes types) {
        ObjectNode all = JSON.createObjectNode();
        types.simpleNames().forEach(name -> types.bySimpleName(name).ifPresent(type -> all.set(name,
                schema(type))));
        return all;
    }

    static ObjectNode schema(Class<?> event) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        Revision revision = event.getAnnotation(Revision.class);
        String version = revision == null ? "0" : revision.value();
        schema.put("$id", "https://bazaar.dev/events/" + event.getSimpleName() + "/" + version);
        schema.put("title", event.getSimpleName());
        schema.put("x-revision", version);
        schema.put("x-payload-type", event.getName());
        schema.setAll(objectOf(event));
        ArrayNode personal = schema.putArray("x-personal-data");
        Arrays.stream(event.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class))
                .forEach(c -> personal.add(c.getName()));
        List<JsonUpcaster> upcasters = Upcasters.of(event.getName());
        if (!upcasters.isEmpty()) {
            // stored events may still have these shapes; every reader gets them upcast to the current one
            ObjectNode earlier = schema.putObject("x-earlier-revisions");
            for (JsonUpcaster upcaster : upcasters) {
                ObjectNode shape = earlier.putObject(upcaster.fromRevision());
                shape.put("x-upcast-to", upcaster.toRevision());
                shape.setAll(objectOf(upcaster.earlierShape()));
            }
        }
        return schema;
    }

    private static ObjectNode objectOf(Class<?> record) {
        ObjectNode object = JSON.createObjectNode();
        object.put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = object.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            properties.set(component.getName(), typeOf(component.getGenericType(), true));
            required.add(component.getName());
        }
        object.put("additionalProperties", false);
        return object;
    }

    /** {@code nullable}: references may be null (a primitive never is). */
    private static ObjectNode typeOf(Type type, boolean nullable) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = scalar("array", nullable);
                array.set("items", typeOf(generic.getActualTypeArguments()[0], false));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = scalar("object", nullable);
                map.set("additionalProperties", typeOf(generic.getActualTypeArguments()[1], true));
                return map;
            }
            return typeOf(raw, nullable);
        }
        if (!(type instanceof Class<?> raw) || type == Object.class) {
            return JSON.createObjectNode(); // any JSON value (free-form attributes)
        }
        if (raw == String.class || hasJsonValue(raw)) {
            return scalar("string", nullable);
        }
        if (raw == int.class || raw == long.class || raw == short.class) {
            return scalar("integer", false);
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class) {
            return scalar("integer", nullable);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return scalar("boolean", raw == Boolean.class && nullable);
        }
        if (raw == UUID.class) {
            return scalar("string", nullable).put("format", "uuid");
        }
        if (raw == Instant.class) {
            return scalar("string", nullable).put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return scalar("string", nullable).put("format", "date");
        }
        if (raw.isEnum()) {
            ObjectNode enumeration = scalar("string", nullable);
            ArrayNode values = enumeration.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(value -> values.add(((Enum<?>) value).name()));
            if (nullable) {
                values.addNull();
            }
            return enumeration;
        }
        if (raw.isRecord()) {
            ObjectNode object = objectOf(raw);
            return nullable ? anyOfNull(object) : object;
        }
        throw new IllegalStateException("No schema for " + raw.getName() + ": add it to EventSchemas");
    }

    private static boolean hasJsonValue(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode scalar(String type, boolean nullable) {
        ObjectNode node = JSON.createObjectNode();
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
        return node;
    }

    private static ObjectNode anyOfNull(ObjectNode schema) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("anyOf").add(schema).add(JSON.createObjectNode().put("type", "null"));
        return node;
    }

}
