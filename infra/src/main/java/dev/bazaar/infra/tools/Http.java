package dev.bazaar.infra.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The HTTP calls the command-line tools make, as one acting user. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    private final String base;

    Http(String base, int connections) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, connections), runnable -> {
                    Thread thread = new Thread(runnable, "http-client");
                    thread.setDaemon(true); // the tools exit when main returns
                    return thread;
                }))
                .build();
    }

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

    }

    Answer get(String path) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    Answer getAs(String path, UUID user, String role) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Bazaar-User", user.toString()).header("X-Bazaar-Role", role)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    Answer post(String path, UUID user, String role, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Bazaar-User", user.toString())
                .header("X-Bazaar-Role", role);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

}
