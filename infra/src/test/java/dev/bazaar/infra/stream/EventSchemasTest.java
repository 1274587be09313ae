package dev.bazaar.infra.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/event-schemas.json is what {@code GET /api/v1/events/schema} answers; this test fails when it drifts from the
 * event records. Regenerate with
 * {@code ./mvnw -pl infra test -Dtest=EventSchemasTest -Dbazaar.docs.write=true} (after installing the other modules).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventSchemasTest {

    private static final Path SCHEMAS = Path.of("../docs/event-schemas.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void the_published_schemas_match_the_event_records() throws Exception {
        String generated = JSON.writeValueAsString(EventSchemas.of(new EventTypes())) + "\n";
        if (Boolean.getBoolean("bazaar.docs.write")) {
            Files.writeString(SCHEMAS, generated);
        }
        assertThat(Files.readString(SCHEMAS)).as("docs/event-schemas.json is stale; regenerate it")
                .isEqualTo(generated);
    }

    @Test
    void every_event_has_a_schema_with_its_revision_and_money_as_minor_units() throws Exception {
        JsonNode schemas = EventSchemas.of(new EventTypes());

        long catalogued = Files.readAllLines(Path.of("../docs/events.md")).stream()
                .filter(line -> line.startsWith("| `")).count();
        assertThat(schemas.size()).as("one per event of docs/events.md").isEqualTo(catalogued).isGreaterThan(0);
        JsonNode captured = schemas.get("PaymentCaptured");
        assertThat(captured.get("x-revision").asText()).isEqualTo("1");
        assertThat(captured.at("/properties/orderId/type/0").asText()).isEqualTo("string");
        assertThat(captured.at("/properties/amount/anyOf/0/properties/amountMinor/type").asText())
                .isEqualTo("integer");
        assertThat(schemas.get("UserRegistered").get("x-personal-data").toString()).contains("email",
                "passwordHash");
        assertThat(schemas.get("UserRegistered").at("/properties/role/enum").toString()).contains("ANALYTICS");
    }

}
