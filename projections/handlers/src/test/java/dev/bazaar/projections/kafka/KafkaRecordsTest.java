package dev.bazaar.projections.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.eventstore.rows.EventJson;
import dev.bazaar.eventstore.rows.StoredEvent;
import dev.bazaar.kernel.identity.UserRegistered;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An event as the Kafka record the publisher sends. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaRecordsTest {

    private static final String USER = "7d0a3c52-5d43-4a8e-9d4f-0c6c2b9f1e01";

    private static final StoredEvent REGISTERED = new StoredEvent(42, "event-42", USER, 0, "User",
            "2026-12-01T10:00:00Z", UserRegistered.class.getName(), "1",
            ("{\"userId\":\"" + USER + "\",\"role\":\"SELLER\",\"email\":\"sealed:email\","
                    + "\"emailIndex\":\"sealed:index\",\"displayName\":\"sealed:name\","
                    + "\"passwordHash\":\"sealed:hash\"}").getBytes(StandardCharsets.UTF_8),
            "{\"correlationId\":\"req-1\"}".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = new ObjectMapper();

    private final KafkaRecords records = new KafkaRecords(EventJson.withoutKeys(), json, "bazaar.events");

    @Test
    void the_record_is_keyed_by_aggregate_and_carries_position_type_and_id_in_headers() {
        ProducerRecord<String, byte[]> record = records.toRecord(REGISTERED);

        assertThat(record.topic()).isEqualTo("bazaar.events");
        assertThat(record.key()).isEqualTo(USER);
        assertThat(header(record, KafkaRecords.POSITION)).isEqualTo("42");
        assertThat(header(record, KafkaRecords.EVENT_TYPE)).isEqualTo("UserRegistered");
        assertThat(header(record, KafkaRecords.EVENT_ID)).isEqualTo("event-42");
        assertThat(header(record, KafkaRecords.AGGREGATE_TYPE)).isEqualTo("User");
    }

    @Test
    void the_value_is_the_http_streams_event_with_personal_data_left_out() throws Exception {
        var value = json.readTree(records.toRecord(REGISTERED).value());

        assertThat(value.get("position").asLong()).isEqualTo(42);
        assertThat(value.get("aggregateId").asText()).isEqualTo(USER);
        assertThat(value.get("correlationId").asText()).isEqualTo("req-1");
        assertThat(value.at("/payload/role").asText()).isEqualTo("SELLER");
        assertThat(value.at("/payload/email").asText()).isEqualTo("[personal data]");
        assertThat(value.at("/payload/passwordHash").asText()).isEqualTo("[personal data]");
        assertThat(new String(records.toRecord(REGISTERED).value(), StandardCharsets.UTF_8)).doesNotContain("sealed:");
    }

    @Test
    void an_event_without_an_aggregate_is_keyed_by_its_id() {
        var stored = new StoredEvent(7, "event-7", null, 0, null, "2026-12-01T10:00:00Z",
                UserRegistered.class.getName(), "1", "{}".getBytes(StandardCharsets.UTF_8), null);

        var record = records.toRecord(stored);

        assertThat(record.key()).isEqualTo("event-7");
        assertThat(record.headers().lastHeader(KafkaRecords.AGGREGATE_TYPE)).isNull();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
