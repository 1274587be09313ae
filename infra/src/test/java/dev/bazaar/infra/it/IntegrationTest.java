package dev.bazaar.infra.it;

import dev.bazaar.infra.BazaarApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the whole application on a random port against the real PostgreSQL, Redis and Elasticsearch that
 * {@code ./bazaar test} starts, in a database, index and key prefix of this run's own. Every test class shares
 * one application context, so the event processors of one run never compete for tokens. Metrics export stays on
 * (Spring switches it off in tests by default) because the Prometheus endpoint is part of the contract.
 */
@AutoConfigureObservability
@SpringBootTest(classes = BazaarApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class IntegrationTest {

    static final UUID ADMIN = UUID.fromString("a0000000-0000-0000-0000-000000000001");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api anonymous;

    Api admin;

    @BeforeAll
    static void requireOwnDatabase() {
        if (System.getenv("BAZAAR_DB_URL") == null) {
            fail("Integration tests run through './bazaar test', which gives each run its own database and index");
        }
    }

    @BeforeEach
    void connect() {
        anonymous = Api.at(port);
        admin = anonymous.as(ADMIN, "admin");
    }

    Api aSeller() {
        return anonymous.as(UUID.randomUUID(), "seller");
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** Creates a category with a required colour and an optional wattage, returning its id. */
    UUID aCategory(String name) {
        var response = admin.post("/api/v1/categories", Map.of("name", name, "attributes", List.of(
                Map.of("name", "color", "type", "CHOICE", "required", true, "choices", List.of("red", "blue")),
                Map.of("name", "watts", "type", "NUMBER", "required", false))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    static Map<String, Object> aListing(UUID categoryId, String title, long priceMinor) {
        return Map.of("title", title, "description", "A fine " + title.toLowerCase(), "categoryId", categoryId,
                "price", Map.of("amountMinor", priceMinor, "currency", "EUR"), "quantity", 3,
                "attributes", Map.of("color", "red", "watts", 40),
                "imageUrls", List.of("https://img.example/" + UUID.randomUUID() + ".jpg"));
    }

}
