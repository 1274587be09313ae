package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The global event stream for analytics: complete, in order, resumable, filtered, without personal data. */
class EventStreamIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_consumer_reading_while_commands_are_written_sees_every_event_exactly_once_in_position_order()
            throws Exception {
        Api analytics = aUser("analytics");
        long start = head(analytics);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> writing = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            writing.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    var created = admin.post("/api/v1/categories", Map.of("name", "Streamed " + UUID.randomUUID()));
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                }
                return null;
            }));
        }
        List<Long> seen = new ArrayList<>();
        long after = start;
        while (!writing.stream().allMatch(Future::isDone)) {
            after = readInto(analytics, after, seen);
        }
        for (Future<?> future : writing) {
            future.get();
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        long end = storedHead();
        long[] resume = {after};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            resume[0] = readInto(analytics, resume[0], seen);
            return resume[0] >= end;
        });

        List<Long> stored = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "AND global_index <= ? ORDER BY global_index", Long.class, start, end);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(60);
        assertThat(seen.stream().filter(position -> position <= end).toList()).isEqualTo(stored);
    }

    @Test
    void ndjson_pages_carry_one_event_per_line_and_where_to_resume() {
        long start = head(admin);
        aCategory("Ndjson");
        awaitHeadPast(start);

        var page = admin.get("/api/v1/events?after=" + start + "&format=ndjson&limit=2");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = page.body().strip().split("\n");
        assertThat(lines).isNotEmpty();
        long last = start;
        for (String line : lines) {
            JsonNode event = parse(line);
            assertThat(event.get("position").asLong()).isGreaterThan(last);
            assertThat(event.get("digest").asText()).hasSize(64);
            last = event.get("position").asLong();
        }
        assertThat(page.header("Bazaar-Next-Position")).isEqualTo(Long.toString(last));
    }

    @Test
    void filters_by_event_type_and_aggregate_type_and_resumes_past_what_they_skipped() {
        long start = head(admin);
        UUID category = aCategory("Filtered");
        awaitHeadPast(start);

        var page = admin.get("/api/v1/events?after=" + start + "&types=CategoryCreated&aggregateType=Category")
                .json();

        assertThat(page.get("events")).isNotEmpty();
        assertThat(page.get("events")).allSatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("CategoryCreated");
            assertThat(event.get("aggregateType").asText()).isEqualTo("Category");
        });
        assertThat(page.get("events").findValuesAsText("aggregateId")).contains(category.toString());
        assertThat(page.get("next").asLong()).isEqualTo(page.get("head").asLong());
    }

    @Test
    void personal_data_stays_out_of_the_stream() {
        long start = head(admin);
        String email = anAccount("buyer");
        awaitHeadPast(start);

        var events = admin.get("/api/v1/events?after=" + start + "&types=UserRegistered").json().get("events");

        assertThat(events).isNotEmpty();
        assertThat(events.toString()).doesNotContain(email);
        assertThat(events.get(0).get("payload").get("email").asText()).isEqualTo("[personal data]");
        assertThat(events.get(0).get("payload").get("displayName").asText()).isEqualTo("[personal data]");
        assertThat(events.get(0).get("payload").get("role").asText()).isEqualTo("BUYER");
        assertThat(events.get(0).get("actorRole").asText()).isNotBlank();
    }

    @Test
    void a_live_consumer_gets_new_events_as_server_sent_events_and_resumes_from_its_last_event_id() {
        long start = head(admin);
        UUID category = aCategory("Live");
        aCategory("Live too");
        awaitHeadPast(start);

        var live = admin.get("/api/v1/events/live?after=" + start);   // the stream ends after 2 s in tests

        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.header("Content-Type")).startsWith("text/event-stream");
        List<Long> ids = sseIds(live.body());
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0)).isGreaterThan(start);
        assertThat(live.body()).contains(category.toString());

        var resumed = admin.get("/api/v1/events/live", Map.of("Last-Event-ID", Long.toString(ids.get(0))));
        List<Long> after = sseIds(resumed.body());
        assertThat(after).startsWith(ids.subList(1, ids.size()).toArray(Long[]::new));
    }

    @Test
    void live_consumers_beyond_the_slots_are_told_to_come_back_later() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/events/live?after=" + Long.MAX_VALUE / 2)).header("Authorization", admin.authorization())
                .build();
        // two slots in tests; each stream stays open for 2 s, its headers arrive at once
        var first = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        var second = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());

        var third = admin.get("/api/v1/events/live?after=" + Long.MAX_VALUE / 2);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.header("Retry-After")).isEqualTo("5");
        first.body().readAllBytes();
        second.body().readAllBytes();
    }

    private static List<Long> sseIds(String body) {
        return body.lines().filter(line -> line.startsWith("id:")).map(line -> Long.parseLong(line.substring(3)
                .trim())).toList();
    }

    @Test
    void every_stored_payload_has_exactly_the_fields_its_published_schema_names() {
        aCategory("Schema");
        var schemas = admin.get("/api/v1/events/schema").json();
        var events = admin.get("/api/v1/events?limit=10000").json().get("events");

        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            JsonNode schema = schemas.get(event.get("type").asText());
            assertThat(schema).as(event.get("type").asText()).isNotNull();
            assertThat(schema.get("x-revision").asText()).isEqualTo(event.get("revision").asText());
            List<String> stored = new ArrayList<>();
            event.get("payload").fieldNames().forEachRemaining(stored::add);
            List<String> described = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(described::add);
            assertThat(stored).as(event.get("type").asText()).containsExactlyInAnyOrderElementsOf(described);
        }
    }

    /** Reads one page after the position into the list; answers where to resume. */
    private static long readInto(Api consumer, long after, List<Long> seen) {
        var page = consumer.get("/api/v1/events?after=" + after + "&limit=50");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        page.json().get("events").forEach(event -> seen.add(event.get("position").asLong()));
        return page.json().get("next").asLong();
    }

    private static long head(Api consumer) {
        return consumer.get("/api/v1/events?limit=1&after=0").json().get("head").asLong();
    }

    private void awaitHeadPast(long position) {
        long stored = storedHead();
        await().atMost(Duration.ofSeconds(20)).until(() -> head(admin) >= stored && stored > position);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

}
