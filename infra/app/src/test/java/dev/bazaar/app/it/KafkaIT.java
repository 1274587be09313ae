package dev.bazaar.app.it;

import dev.bazaar.app.BazaarApplication;
import dev.bazaar.localstripe.LocalStripe;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The event stream on Kafka, against a real broker of the test's own (started by the project's scripts): an
 * application serving the API in this JVM, and the publisher in a projector process of its own that the test can
 * SIGKILL, on a database of their own.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaIT {

    private static final String WEBHOOK_SECRET = "whsec_kafka_" + UUID.randomUUID();

    private static final String TOPIC = "test-events-" + UUID.randomUUID();

    private static KafkaBroker broker;

    private static LocalStripe stripe;

    private static ConfigurableApplicationContext application;

    private static AppProcess publisher;

    private static List<String> publisherArguments;

    private static JdbcTemplate jdbc;

    private static Api admin;

    private static TopicReader topic;

    @BeforeAll
    static void startTheBrokerTheApplicationAndThePublisher() throws Exception {
        String database = System.getenv("BAZAAR_KAFKA_DB_URL");
        if (database == null) {
            fail("KafkaIT runs through './bazaar test', which gives it a database of its own (BAZAAR_KAFKA_DB_URL)");
        }
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "bazaar", "bazaar"));
        broker = KafkaBroker.start();
        stripe = LocalStripe.start(0, null, WEBHOOK_SECRET);
        var arguments = RoleInstances.arguments("kafka", database, stripe.baseUrl(), WEBHOOK_SECRET);
        var appArguments = new ArrayList<>(arguments);
        appArguments.add("--server.port=0");
        application = new SpringApplicationBuilder(BazaarApplication.class).run(appArguments.toArray(String[]::new));
        publisherArguments = new ArrayList<>(arguments);
        publisherArguments.addAll(List.of("--bazaar.role=projector", "--bazaar.kafka.enabled=true",
                "--bazaar.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--bazaar.kafka.topic=" + TOPIC,
                "--bazaar.kafka.send-timeout=PT4S",
                "--axon.eventhandling.processors.kafka-publisher.token-claim-interval=500"));
        publisher = AppProcess.start("kafka-publisher", publisherArguments).awaitReady();
        admin = IntegrationTest.logIn(api(), System.getenv("BAZAAR_ADMIN_EMAIL"),
                System.getenv("BAZAAR_ADMIN_PASSWORD"));
        topic = new TopicReader(broker.bootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (topic != null) {
            topic.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (application != null) {
            application.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void events_made_through_the_api_reach_the_topic_in_per_aggregate_order_with_their_positions() {
        long start = head();
        Api seller = aSeller();
        UUID category = aCategory();
        List<UUID> listings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID listing = seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Kafka " + i, 900)).id();
            listings.add(listing);
            for (int change = 1; change <= 3; change++) {
                var changed = seller.post("/api/v1/listings/" + listing + "/price",
                        Map.of("price", Map.of("amountMinor", 900 + change, "currency", "EUR")));
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            }
        }

        awaitPublishedSince(start);

        for (UUID listing : listings) {
            List<Map<String, Object>> stored = jdbc.queryForList("SELECT global_index, payload_type FROM "
                    + "domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", listing.toString());
            List<Long> expected = stored.stream().map(row -> ((Number) row.get("global_index")).longValue()).toList();
            assertThat(topic.positionsOf(listing.toString())).as("the listing's events, in its own order")
                    .containsExactlyElementsOf(expected);
            for (Map<String, Object> row : stored) {
                long position = ((Number) row.get("global_index")).longValue();
                String type = (String) row.get("payload_type");
                assertThat(topic.typeAt(position)).isEqualTo(type.substring(type.lastIndexOf('.') + 1));
            }
        }
        String registered = topic.valuesOfType("UserRegistered").stream()
                .filter(value -> value.contains(seller.userId().toString())).findFirst().orElseThrow();
        assertThat(registered).contains("\"email\":\"[personal data]\"").doesNotContain("sealed");
    }

    @Test
    void a_publisher_killed_mid_way_is_replaced_and_the_topic_has_no_gap() throws Exception {
        long start = head();
        Api seller = aSeller();
        UUID category = aCategory();
        List<UUID> listings = IntStream.range(0, 4).mapToObj(i ->
                seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Killed " + i, 500)).id()).toList();
        var writing = new AtomicBoolean(true);
        var written = new AtomicInteger();
        var writer = new Thread(() -> {
            for (int round = 1; writing.get(); round++) {
                for (UUID listing : listings) {
                    var changed = seller.post("/api/v1/listings/" + listing + "/price",
                            Map.of("price", Map.of("amountMinor", 500 + round, "currency", "EUR")));
                    if (changed.status() == 200) {
                        written.incrementAndGet();
                    }
                }
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().countSince(start) > 20);
            publisher.kill();
            Thread.sleep(1000); // writes go on while no publisher runs
            publisher = AppProcess.start("kafka-publisher-2", publisherArguments).awaitReady();
            Thread.sleep(1000);
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(written.get()).as("writes went on throughout").isGreaterThan(20);
        awaitPublishedSince(start);
    }

    @Test
    void with_kafka_down_commands_and_the_http_stream_go_on_and_the_publisher_catches_up() throws Exception {
        long start = head();
        Api seller = aSeller();
        UUID category = aCategory();
        broker.stop();
        List<UUID> listings = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                var created = seller.post("/api/v1/listings", IntegrationTest.aListing(category, "Down " + i, 700));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                listings.add(created.id());
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                var page = admin.get("/api/v1/events?after=" + start + "&limit=1000");
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                for (UUID listing : listings) {
                    assertThat(page.body()).contains(listing.toString());
                }
            });
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                var health = admin.on(publisher.port()).get("/actuator/health/kafka");
                assertThat(health.status()).as(health.toString()).isEqualTo(503);
            });
            assertThat(Api.at(publisher.port()).get("/actuator/health/readiness").status())
                    .as("the projector stays ready: its read models are not waiting for Kafka").isEqualTo(200);
        } finally {
            broker.startAgain();
        }

        awaitPublishedSince(start);
        for (UUID listing : listings) {
            assertThat(topic.positionsOf(listing.toString())).isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.on(publisher.port()).get("/actuator/health/kafka").status()).isEqualTo(200));
    }

    /** Every event stored after {@code start} is in the topic (duplicates allowed: at least once). */
    private static void awaitPublishedSince(long start) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Set<Long> stored = new HashSet<>(jdbc.queryForList(
                    "SELECT global_index FROM domain_event_entry WHERE global_index > ?", Long.class, start));
            assertThat(topic.poll().positions()).containsAll(stored);
        });
    }

    private static long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private static Api api() {
        return Api.at(((WebServerApplicationContext) application).getWebServer().getPort());
    }

    private static Api aSeller() {
        return IntegrationTest.aLoggedInUser(api(), "seller");
    }

    private static UUID aCategory() {
        return IntegrationTest.aCategory(admin, "Kafka " + UUID.randomUUID());
    }

    /** Everything in the topic so far, read from its start by a consumer of no group. */
    private static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        private final String topic;

        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        TopicReader(String bootstrapServers, String topic) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer());
        }

        synchronized TopicReader poll() {
            if (consumer.assignment().isEmpty()) {
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    return this;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return this;
        }

        synchronized Set<Long> positions() {
            Set<Long> positions = new HashSet<>();
            records.forEach(record -> positions.add(position(record)));
            return positions;
        }

        synchronized long countSince(long start) {
            return records.stream().filter(record -> position(record) > start).count();
        }

        /** The positions of one aggregate's events, each the first time it came, in the order they came. */
        synchronized List<Long> positionsOf(String aggregate) {
            var seen = new LinkedHashMap<Long, Boolean>();
            records.stream().filter(record -> aggregate.equals(record.key()))
                    .forEach(record -> seen.putIfAbsent(position(record), true));
            return List.copyOf(seen.keySet());
        }

        synchronized String typeAt(long position) {
            return records.stream().filter(record -> position(record) == position).findFirst()
                    .map(record -> header(record, "bazaar-event-type")).orElse(null);
        }

        synchronized List<String> valuesOfType(String type) {
            return records.stream().filter(record -> type.equals(header(record, "bazaar-event-type")))
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        }

        private static long position(ConsumerRecord<String, byte[]> record) {
            return Long.parseLong(header(record, "bazaar-position"));
        }

        private static String header(ConsumerRecord<String, byte[]> record, String name) {
            return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }

    }

}
