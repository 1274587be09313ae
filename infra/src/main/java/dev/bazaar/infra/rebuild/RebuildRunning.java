package dev.bazaar.infra.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A second rebuild of a projection was asked for while the first still runs. */
class RebuildRunning extends ErrorResponseException {

    RebuildRunning(String projection) {
        super(HttpStatus.CONFLICT, problem(projection), null);
    }

    private static ProblemDetail problem(String projection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A rebuild of " + projection + " is running; its status shows its progress.");
        problem.setType(URI.create("https://bazaar.dev/problems/rebuild-running"));
        problem.setTitle("Rebuild running");
        return problem;
    }

}
