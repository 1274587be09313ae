package dev.bazaar.tools.ceiling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The ceiling the write scenario is measured against: a bare Spring Boot application whose one endpoint
 * ({@code POST /ceiling/events}) does what a command must do at the least, one event-shaped INSERT into a table shaped
 * like the event store's, on the same PostgreSQL and pool size, and answers 201 with the position. No security,
 * validation, aggregate, idempotency or projection. Its beans are registered in code, not scanned, so that the
 * application's own component scan of {@code dev.bazaar} (the tools are on its tests' class path) never finds them.
 */
public final class CeilingServer {

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS ceiling_event (
                global_index bigserial PRIMARY KEY, event_identifier varchar(255) NOT NULL UNIQUE,
                aggregate_identifier varchar(255) NOT NULL, sequence_number bigint NOT NULL, type varchar(255),
                time_stamp varchar(255) NOT NULL, payload_type varchar(255) NOT NULL, payload_revision varchar(255),
                payload bytea NOT NULL, meta_data bytea, UNIQUE (aggregate_identifier, sequence_number))
            """;

    private static final String INSERT = "INSERT INTO ceiling_event (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, 0, 'Listing', ?, 'dev.bazaar.kernel.listing.ListingCreated', '1', ?, ?) "
            + "RETURNING global_index";

    private static final byte[] META = "{\"actorRole\":\"SELLER\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @EnableAutoConfiguration
    static final class Boot {
    }

    private CeilingServer() {
    }

    public static void main(String[] args) {
        var application = new SpringApplication(Boot.class);
        application.setDefaultProperties(Map.of(
                "server.port", System.getenv().getOrDefault("BAZAAR_CEILING_PORT", "8099"),
                "server.tomcat.threads.max", "64",
                "spring.datasource.url", System.getenv().getOrDefault("BAZAAR_DB_URL",
                        "jdbc:postgresql://127.0.0.1:5432/bazaar"),
                "spring.datasource.username", "bazaar", "spring.datasource.password", "bazaar",
                "spring.datasource.hikari.maximum-pool-size", "24",
                "spring.main.banner-mode", "off"));
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("ceiling",
                RouterFunction.class, () -> routes(context.getBean(JdbcTemplate.class))));
        application.run(args);
    }

    private static RouterFunction<ServerResponse> routes(JdbcTemplate jdbc) {
        jdbc.execute(TABLE);
        return RouterFunctions.route().POST("/ceiling/events", request -> append(jdbc, request)).build();
    }

    private static ServerResponse append(JdbcTemplate jdbc, ServerRequest request) throws Exception {
        byte[] payload = request.body(byte[].class);
        UUID id = UUID.randomUUID();
        Long position = jdbc.queryForObject(INSERT, Long.class, id.toString(), UUID.randomUUID().toString(),
                Instant.now().toString(), payload, META);
        return ServerResponse.status(HttpStatus.CREATED).body(Map.of("id", id, "position", position));
    }

}
