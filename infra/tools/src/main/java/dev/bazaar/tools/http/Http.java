package dev.bazaar.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The HTTP calls the command-line tools make, as one acting user. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    private final String base;

    public Http(String base, int connections) {
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

    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

    }

    public JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    public Answer getAs(String path, String accessToken) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Logs in and answers the access token. */
    public String logIn(String email, String password) throws IOException, InterruptedException {
        var login = post("/api/v1/auth/token", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("could not log in as " + email + ": " + login);
        }
        return login.json().get("accessToken").asText();
    }

    /** Registers a buyer or seller (unless the email exists already) and logs them in. */
    public String registerAndLogIn(String email, String password, String displayName, String role)
            throws IOException, InterruptedException {
        var registered = post("/api/v1/users", null, Map.of("email", email, "password", password,
                "displayName", displayName, "role", role));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("could not register " + email + ": " + registered);
        }
        return logIn(email, password);
    }

    /** The bootstrap admin's token, from BAZAAR_ADMIN_EMAIL and BAZAAR_ADMIN_PASSWORD. */
    public String logInAsAdmin() throws IOException, InterruptedException {
        String email = System.getenv("BAZAAR_ADMIN_EMAIL");
        String password = System.getenv("BAZAAR_ADMIN_PASSWORD");
        if (email == null || password == null) {
            throw new IllegalStateException("set BAZAAR_ADMIN_EMAIL and BAZAAR_ADMIN_PASSWORD (./bazaar does)");
        }
        return logIn(email, password);
    }

    public Answer post(String path, String accessToken, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
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
