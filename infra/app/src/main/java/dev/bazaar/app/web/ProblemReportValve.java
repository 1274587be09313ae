package dev.bazaar.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tomcat's own error report, for what it refuses before Spring sees the request (a {@code %00} or an encoded slash in
 * the path, bad percent-encoding, a malformed request line): problem+json like every other 4xx, instead of Tomcat's
 * HTML page. The detail is Tomcat's reason, never the request's text or a stack trace.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemReportValve(ObjectMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String slug = status == 400 ? "malformed-request" : status >= 500 ? "internal"
                : known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status >= 500 ? "The server failed; the failure is logged with the correlation id."
                : status == 400 ? "The request line, path or headers are malformed"
                        + (response.getMessage() == null ? "." : ": " + response.getMessage()) + "."
                        : title + ".";
        try {
            byte[] body = json.writeValueAsBytes(Problems.of(status, slug, title, detail.replace("..", "."),
                    List.of()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        }
        catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body: the status line is the answer
        }
    }

}
