package dev.bazaar.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An aggregate's fields as JSON, read as they are. Aggregates keep their state in private fields with no getters (they
 * decide; they are not read models), so they are walked field by field: the command side's classes (aggregate roots
 * and their entities) become objects of their fields, everything else (records, ids, money, enums) is written as
 * Jackson writes it in events. A field pointing back at an object being written (an entity's aggregate root) is left
 * out. Maps and sets are sorted so two rebuilds of the same history read the same.
 */
@Component
class AggregateStateJson {

    private static final String COMMAND_SIDE = "dev.bazaar.command";

    private final ObjectMapper json;

    AggregateStateJson(ObjectMapper json) {
        this.json = json;
    }

    JsonNode write(Object aggregateRoot) {
        return write(aggregateRoot, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private JsonNode write(Object value, Set<Object> writing) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(key(key), write(entry, writing)));
            ObjectNode node = json.createObjectNode();
            node.setAll(sorted);
            return node;
        }
        if (value instanceof Collection<?> items) {
            List<JsonNode> written = new ArrayList<>();
            items.forEach(item -> written.add(write(item, writing)));
            if (value instanceof Set<?>) {
                written.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode node = json.createArrayNode();
            node.addAll(written);
            return node;
        }
        Class<?> type = value.getClass();
        if (!type.getPackageName().startsWith(COMMAND_SIDE) || type.isRecord() || type.isEnum()) {
            return json.valueToTree(value);
        }
        writing.add(value);
        ObjectNode fields = json.createObjectNode();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (fieldValue == null || !writing.contains(fieldValue)) {
                    fields.set(field.getName(), write(fieldValue, writing));
                }
            }
        }
        writing.remove(value);
        return fields;
    }

    /** Ids are written as their plain value, like Jackson writes them in events. */
    private String key(Object key) {
        JsonNode written = json.valueToTree(key);
        return written.isValueNode() ? written.asText() : key.toString();
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + field + " of the rebuilt aggregate", e);
        }
    }

}
