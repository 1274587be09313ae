package dev.bazaar.projections.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.eventstore.rows.EventJson;
import dev.bazaar.eventstore.rows.StoredEvent;
import dev.bazaar.eventstore.rows.StreamedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * An event as a Kafka record: the value is the event exactly as the HTTP stream gives it (personal data left out),
 * the key its aggregate, so that one aggregate's events share a partition and keep their order; the headers carry
 * what a consumer routes and dedupes by without parsing the value.
 */
final class KafkaRecords {

    static final String POSITION = "bazaar-position";

    static final String EVENT_TYPE = "bazaar-event-type";

    static final String EVENT_ID = "bazaar-event-id";

    static final String AGGREGATE_TYPE = "bazaar-aggregate-type";

    private final EventJson events;

    private final ObjectMapper json;

    private final String topic;

    KafkaRecords(EventJson events, ObjectMapper json, String topic) {
        this.events = events;
        this.json = json;
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> toRecord(StoredEvent stored) {
        StreamedEvent event = events.toEvent(stored, null, EventJson.PersonalData.OMIT);
        var headers = new RecordHeaders();
        headers.add(POSITION, bytes(Long.toString(event.position())));
        headers.add(EVENT_TYPE, bytes(event.type()));
        headers.add(EVENT_ID, bytes(event.eventId()));
        if (event.aggregateType() != null) {
            headers.add(AGGREGATE_TYPE, bytes(event.aggregateType()));
        }
        String key = event.aggregateId() != null ? event.aggregateId() : event.eventId();
        try {
            return new ProducerRecord<>(topic, null, key, json.writeValueAsBytes(event), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event at position " + event.position() + " cannot be written", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
