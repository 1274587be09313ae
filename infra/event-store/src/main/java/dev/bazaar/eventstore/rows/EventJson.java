package dev.bazaar.eventstore.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.PersonalDataVault;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Stored event rows as the JSON events that the stream and the audit history answer with. */
@Component
public class EventJson {

    /** What becomes of the fields marked {@code @PersonalData}. */
    public enum PersonalData {
        /** Replaced by {@value #OMITTED}. */
        OMIT,
        /** Passed as stored: sealed ciphertext. */
        SEALED,
        /** Opened with the subject's key ({@code [redacted]} once forgotten); secrets stay {@value #SECRET}. */
        OPEN
    }

    static final String OMITTED = "[personal data]";

    static final String SECRET = "[secret]";

    private final ObjectMapper json;

    private final EventTypes types;

    private final PersonalDataVault vault;

    EventJson(ObjectMapper json, EventTypes types, PersonalDataVault vault) {
        this.json = json;
        this.types = types;
        this.vault = vault;
    }

    /** For tools outside the application: personal data can be left out or passed sealed, never opened. */
    public static EventJson withoutKeys() {
        return new EventJson(new ObjectMapper(), new EventTypes(), null);
    }

    /**
     * The event in its current revision (stored older revisions are upcast, docs/event-evolution.md); {@code digest}:
     * the chain's digest at the event's position (over the stored bytes), or null when not chained yet.
     */
    public StreamedEvent toEvent(StoredEvent asStored, byte[] digest, PersonalData personalData) {
        StoredEvent stored = asStored.inCurrentRevision();
        try {
            String payload = payload(stored, personalData);
            JsonNode meta = stored.metaData() == null ? json.createObjectNode() : json.readTree(stored.metaData());
            String payloadType = stored.payloadType();
            return new StreamedEvent(stored.position(), stored.eventIdentifier(),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1), stored.payloadRevision(),
                    stored.aggregateType(), stored.aggregateIdentifier(), stored.sequenceNumber(), stored.timestamp(),
                    text(meta, Actor.ID_KEY), text(meta, Actor.ROLE_KEY), text(meta, "correlationId"),
                    text(meta, "causationId"), payload,
                    digest == null ? null : java.util.HexFormat.of().formatHex(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("Event at position " + stored.position() + " is not JSON", e);
        }
    }

    /** The stored payload JSON as it is when nothing needs changing (most events), else re-written. */
    private String payload(StoredEvent stored, PersonalData personalData) throws IOException {
        Set<String> personal = personalData == PersonalData.SEALED ? Set.of()
                : types.personalFields(stored.payloadType());
        if (personal.isEmpty()) {
            return new String(stored.payload(), StandardCharsets.UTF_8);
        }
        JsonNode payload = json.readTree(stored.payload());
        if (payload instanceof ObjectNode fields) {
            Set<String> secrets = types.secretFields(stored.payloadType());
            JsonNode subject = fields.get("userId");
            for (String field : personal) {
                JsonNode sealed = fields.get(field);
                if (sealed == null || sealed.isNull()) {
                    continue;
                }
                if (personalData == PersonalData.OMIT) {
                    fields.put(field, OMITTED);
                } else if (vault == null) {
                    throw new IllegalStateException("Personal data cannot be opened without the keys");
                } else if (secrets.contains(field) || subject == null) {
                    fields.put(field, SECRET);
                } else {
                    fields.put(field, vault.open(UserId.of(subject.asText()), field, sealed.asText())
                            .orElse(PersonalDataVault.REDACTED));
                }
            }
        }
        return json.writeValueAsString(payload);
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

}
