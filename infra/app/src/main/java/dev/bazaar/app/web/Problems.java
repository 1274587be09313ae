package dev.bazaar.app.web;

import dev.bazaar.kernel.problem.ProblemType;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.problem.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * The one shape of every error Bazaar answers: RFC 9457 problem details with a stable {@code type} under
 * {@link ProblemType#BASE}, a {@code title}, the {@code status}, a {@code detail} for people and {@code errors[]}
 * naming each bad field. Built here for the MVC advice and for the filters alike.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(Refusal refusal) {
        ProblemDetail problem = of(refusal.status(), refusal.type(), refusal.title(), refusal.getMessage(),
                refusal.violations());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(int status, String type, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(ProblemType.of(type));
        problem.setTitle(title);
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", String.valueOf(v.message())))
                .toList());
        return problem;
    }

    /** The headers a refusal asks for: Retry-After when a retry may succeed. */
    public static HttpHeaders headers(Refusal refusal) {
        HttpHeaders headers = new HttpHeaders();
        if (refusal.retryAfterSeconds() > 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        }
        return headers;
    }

}
