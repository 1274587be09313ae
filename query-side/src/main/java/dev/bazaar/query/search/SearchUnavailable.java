package dev.bazaar.query.search;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Elasticsearch cannot be reached: a passing outage on our side, worth a retry, not a bug. */
class SearchUnavailable extends ErrorResponseException {

    SearchUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Search is unavailable right now; listings can still be read by id and listed.");
        problem.setType(URI.create("https://bazaar.dev/problems/search-unavailable"));
        problem.setTitle("Search unavailable");
        return problem;
    }

}
