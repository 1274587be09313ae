package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the API, speaking as one acting user (or none). Each client made by {@link #at} comes
 * from an address of its own (X-Forwarded-For, trusted from loopback), so per-address rate limits of one test
 * never throttle another.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    private final Map<String, String> headers = new LinkedHashMap<>();

    private UUID userId;

    private Api(String base) {
        this.base = base;
    }

    static Api at(int port) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new Api("http://127.0.0.1:" + port).with("X-Forwarded-For",
                "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    /** This client, now sending the user's access token. */
    Api bearer(String accessToken, UUID user) {
        Api api = with("Authorization", "Bearer " + accessToken);
        api.userId = user;
        return api;
    }

    /** The logged-in user's id. */
    UUID userId() {
        return userId;
    }

    /** The same client on another instance. */
    Api on(int port) {
        Api api = new Api("http://127.0.0.1:" + port);
        api.headers.putAll(headers);
        api.userId = userId;
        return api;
    }

    /** The Authorization header this client sends, for a request made with another HTTP client. */
    String authorization() {
        return headers.get("Authorization");
    }

    Api with(String header, String value) {
        Api api = new Api(base);
        api.headers.putAll(headers);
        api.headers.put(header, value);
        api.userId = userId;
        return api;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body))));
    }

    Response post(String path, Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(request::header);
        return send(request);
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body of unknown length, sent chunked (no Content-Length for the server to check up front). */
    Response postChunked(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        body.getBytes(StandardCharsets.UTF_8)))));
    }

    Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body))));
    }

    Response options(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        UUID id() {
            return UUID.fromString(json().get("id").asText());
        }

        long position() {
            return json().get("position").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }

    }

}
