package dev.bazaar.query.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Nothing is known under this id. */
public class NotFound extends ErrorResponseException {

    public NotFound(String what, Object id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + what + " with id " + id + ".");
        problem.setType(URI.create("https://bazaar.dev/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }

}
