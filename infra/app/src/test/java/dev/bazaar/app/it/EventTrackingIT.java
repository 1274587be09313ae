package dev.bazaar.app.it;

import dev.bazaar.eventstore.NextEventsQuery;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How processors read the stream (NextEventsQuery): the next events however far ahead they are, and the events a
 * token's gaps were waiting for, in position order; at the head, at a steady pace (PacedEventStorageEngine).
 */
class EventTrackingIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EventSchema schema;

    @Autowired
    EventStorageEngine storage;

    @Test
    void a_run_of_positions_longer_than_a_batch_left_by_rolled_back_transactions_is_crossed() {
        // as if transactions holding 1,500 positions (more than a read's 1,000 events) had all rolled back
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                + "(SELECT max(global_index) FROM domain_event_entry) + 1500)", Long.class);

        long position = aCategoryCreatedAtNewPosition();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(positionOf("category-read-model"))
                .as("the read model's processor went past the run").isGreaterThanOrEqualTo(position));
    }

    @Test
    void a_read_with_gaps_answers_the_filled_gaps_first_then_the_next_events_in_position_order() throws Exception {
        long first = aCategoryCreatedAtNewPosition();
        long second = aCategoryCreatedAtNewPosition();
        long third = aCategoryCreatedAtNewPosition();

        List<Long> read;
        try (Connection connection = dataSource.getConnection()) {
            read = positions(NextEventsQuery.withGaps(connection, schema, second, 2, List.of(first)));
            assertThat(positions(NextEventsQuery.withoutGaps(connection, schema, first - 1, 2)))
                    .as("the next two after the token").hasSize(2).startsWith(first).isSorted();
        }

        assertThat(read).as("the gap, then at most two after the token").startsWith(first).contains(third)
                .hasSizeBetween(2, 3).isSorted().doesNotContain(second);
    }

    @Test
    void reads_at_the_head_come_at_most_every_ten_milliseconds_and_a_read_behind_it_gets_every_event() {
        long head = aCategoryCreatedAtNewPosition();
        var atHead = GapAwareTrackingToken.newInstance(head, List.of());

        long start = System.nanoTime();
        for (int read = 0; read < 30; read++) {
            try (var events = storage.readEvents(atHead, false)) {
                assertThat(events.count()).isZero();
            }
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).as("29 waits of 10 ms between 30 reads of the head").isGreaterThanOrEqualTo(290);
        long behind = Math.max(0, head - 2_500);
        try (var events = storage.readEvents(GapAwareTrackingToken.newInstance(behind, List.of()), false)) {
            assertThat(events.mapToLong(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex()).max())
                    .as("read through full batches to the head").hasValue(head);
        }
    }

    private static List<Long> positions(PreparedStatement statement) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (statement; var rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong("global_index"));
            }
        }
        return positions;
    }

    private long aCategoryCreatedAtNewPosition() {
        var created = admin.post("/api/v1/categories", Map.of("name", "Tracked " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.position();
    }

    private long positionOf(String processor) {
        return StreamSupport.stream(admin.get("/api/v1/admin/processors").json().spliterator(), false)
                .filter(p -> p.get("name").asText().equals(processor)).findFirst().orElseThrow()
                .get("position").asLong();
    }

}
