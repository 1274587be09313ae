package dev.bazaar.app.it;

import dev.bazaar.app.BazaarApplication;
import dev.bazaar.command.identity.AccountDirectory;
import dev.bazaar.command.identity.EmailIndex;
import dev.bazaar.app.security.AccessTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance, on a database of its own, whose Redis and Elasticsearch addresses lead nowhere: health must say
 * so (503, each dependency named), liveness must not, and reads must degrade instead of failing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DependencyDownIT {

    private static final String DATABASE = "bazaar_down_" + UUID.randomUUID().toString().substring(0, 8);

    /** The PostgreSQL superuser the scripts use (trust authentication on the local socket and loopback). */
    private static final String ADMIN_USER = System.getenv().getOrDefault("BAZAAR_PG_ADMIN", "postgres");

    private static ConfigurableApplicationContext instance;

    private static Api api;

    @BeforeAll
    static void startAnInstanceWithoutRedisAndElasticsearch() throws Exception {
        String url = System.getenv("BAZAAR_DB_URL");
        assertThat(url).as("run through ./bazaar test").isNotNull();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (var connection = DriverManager.getConnection(server + "postgres", ADMIN_USER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + DATABASE + " OWNER bazaar");
        }
        instance = new SpringApplicationBuilder(BazaarApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + server + DATABASE,
                "--bazaar.redis.port=" + unusedPort(),
                "--spring.elasticsearch.uris=http://127.0.0.1:" + unusedPort(),
                "--bazaar.cache.prefix=down:" + DATABASE + ":",
                "--bazaar.search.index=down-" + DATABASE);
        api = Api.at(((WebServerApplicationContext) instance).getWebServer().getPort());
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (instance != null) {
            instance.close();
        }
        String url = System.getenv("BAZAAR_DB_URL");
        try (var connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                ADMIN_USER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    /**
     * Health details are for admins; logging in needs Redis (the login throttle fails closed), so the token is
     * issued straight from the instance's bootstrap admin account.
     */
    private static Api admin() {
        var accounts = instance.getBean(AccountDirectory.class);
        var account = accounts.findByEmailIndex(instance.getBean(EmailIndex.class)
                .of(System.getenv("BAZAAR_ADMIN_EMAIL"))).orElseThrow();
        return api.bearer(instance.getBean(AccessTokens.class).issue(account), account.userId().value());
    }

    @Test
    void logging_in_is_refused_with_503_rather_than_unguarded() {
        var login = api.post("/api/v1/auth/token", java.util.Map.of("email", System.getenv("BAZAAR_ADMIN_EMAIL"),
                "password", System.getenv("BAZAAR_ADMIN_PASSWORD")));
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.json().get("type").asText()).endsWith("/login-unavailable");
    }

    @Test
    void health_answers_503_and_names_the_dependencies_that_are_down() {
        var anonymousHealth = api.get("/actuator/health");
        assertThat(anonymousHealth.status()).isEqualTo(503);
        assertThat(anonymousHealth.json().has("components")).as("no details for anonymous callers").isFalse();
        var health = admin().get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        var components = health.json().get("components");
        assertThat(components.get("redis").get("status").asText()).isEqualTo("DOWN");
        assertThat(components.get("elasticsearch").get("status").asText()).isEqualTo("DOWN");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void reads_fall_back_to_postgresql_when_the_cache_is_down() {
        var categories = api.get("/api/v1/categories");
        assertThat(categories.status()).isEqualTo(200);
        var search = api.get("/api/v1/search/listings?q=lamp");
        assertThat(search.status()).as("search without Elasticsearch is a server-side failure, said clearly")
                .isEqualTo(503);
        assertThat(search.contentType()).startsWith("application/problem+json");
        assertThat(search.json().get("type").asText()).endsWith("/search-unavailable");
    }

    private static int unusedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
