package dev.bazaar.query.consistency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** The read model has not reached the asked-for position within the wait; the client should retry shortly. */
public class NotYetConsistent extends ErrorResponseException {

    NotYetConsistent(String projection, long position, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(projection, position), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(String projection, long position) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + projection + " read model has not reached position " + position + " yet.");
        problem.setType(URI.create("https://bazaar.dev/problems/not-yet-consistent"));
        problem.setTitle("Not yet consistent");
        problem.setProperty("position", position);
        return problem;
    }

}
