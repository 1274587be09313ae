package dev.bazaar.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Writes a refusal as problem+json from filters, which run before Spring MVC's exception handling can. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, Refusal refusal) throws IOException {
        Problems.headers(refusal).forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(refusal));
    }

}
