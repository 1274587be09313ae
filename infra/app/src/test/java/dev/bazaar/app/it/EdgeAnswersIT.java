package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers from the edge of the application: what Tomcat refuses before Spring sees the request, and paths nothing
 * serves. Both are problems like every other 4xx (issue 20's contract).
 */
class EdgeAnswersIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Request targets Tomcat refuses itself, sent byte for byte (an HTTP client would refuse to send them). */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/listings/%00", "/api/v1/listings/a%2Fb", "/api/v1/listings/%zz",
            "/api/v1/listings/%", "/api/v1/listings/\u0001"})
    void a_request_tomcat_refuses_is_answered_with_a_problem(String target) throws IOException {
        var answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.head()).as(answer.toString()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asText()).endsWith("/malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.has("errors")).isTrue();
        assertThat(answer.body()).doesNotContain("<html", "Apache Tomcat", "Exception");
    }

    @Test
    void a_malformed_request_line_is_answered_with_a_problem() throws IOException {
        var answer = raw("GET /api/v1/listings HTTP/1.1 extra\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.head()).as(answer.toString()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("type").asText()).endsWith("/malformed-request");
    }

    @Test
    void an_unknown_path_is_404_for_every_caller_whatever_the_rules_of_the_resource_around_it() {
        UUID order = UUID.randomUUID();
        List<Api> callers = List.of(anonymous, aUser("buyer"), aSeller(), admin);
        for (Api caller : callers) {
            for (var answer : List.of(caller.get("/api/v1/admin/nothing-here"),
                    caller.post("/api/v1/orders/" + order + "/nothing-here"),
                    caller.get("/api/v1/listings/" + order + "/nothing/here"),
                    caller.get("/api/v1/nothing-here"))) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asText()).endsWith("/not-found");
            }
        }
        assertThat(aUser("buyer").get("/api/v1/admin/projections").status()).as("a known path keeps its rule")
                .isEqualTo(403);
        assertThat(anonymous.delete("/api/v1/listings").status()).as("a known path with another method")
                .isIn(401, 405);
    }

    private record Raw(int status, String head, String body) {
    }

    private Raw raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = read(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Raw(status, head, body);
        }
    }

    private static String read(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // the server kept the connection open: what came is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

}
