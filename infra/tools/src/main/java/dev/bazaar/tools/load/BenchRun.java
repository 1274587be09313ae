package dev.bazaar.tools.load;

import dev.bazaar.tools.http.Http;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one run of the generator shares between its scenarios: the options it was given, the backend it talks to, and
 * the admin, seller and category it made at the start.
 */
final class BenchRun {

    static final String SELLER_PASSWORD = "bench seller password";

    private final Map<String, String> options;

    private final Http http;

    private final String admin;

    private final String sellerEmail;

    private final String seller;

    private final UUID category;

    private BenchRun(Map<String, String> options, Http http, String admin, String sellerEmail, String seller,
            UUID category) {
        this.options = options;
        this.http = http;
        this.admin = admin;
        this.sellerEmail = sellerEmail;
        this.seller = seller;
        this.category = category;
    }

    /** Logs in as the admin, registers a seller of this run's own and creates a category for its listings. */
    static BenchRun start(Map<String, String> options) throws Exception {
        var http = new Http(options.getOrDefault("base", "http://127.0.0.1:8080"), 256);
        String admin = http.logInAsAdmin();
        String sellerEmail = "bench-" + UUID.randomUUID() + "@bench.bazaar.dev";
        String seller = http.registerAndLogIn(sellerEmail, SELLER_PASSWORD, "Benchmark seller", "seller");
        var created = http.post("/api/v1/categories", admin,
                Map.of("name", "Benchmark " + UUID.randomUUID().toString().substring(0, 8)));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create the benchmark category: " + created.body());
        }
        return new BenchRun(options, http, admin, sellerEmail, seller,
                UUID.fromString(created.json().get("id").asText()));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String base() {
        return option("base", "http://127.0.0.1:8080");
    }

    Http http() {
        return http;
    }

    /** The admin's access token. */
    String admin() {
        return admin;
    }

    /** The run's seller's access token. */
    String seller() {
        return seller;
    }

    String sellerEmail() {
        return sellerEmail;
    }

    UUID category() {
        return category;
    }

    /** A listing of the run's category, titled with a word no other listing has. */
    Map<String, Object> listing(String token) {
        return Map.of("title", "Benchmark lamp " + token, "description", "Made by the load generator",
                "categoryId", category, "price", Map.of("amountMinor", 1000 + ThreadLocalRandom.current().nextInt(9000),
                        "currency", "EUR"), "quantity", 5, "imageUrls", List.of("https://img.example/bench.jpg"));
    }

    /** A word no other listing has, so search can tell this listing apart. */
    static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("bz");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

}
