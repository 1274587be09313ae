package dev.bazaar.infra.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A second rebuild of a projection was asked for while the first still runs (here or on another instance). */
class RebuildRunning extends ErrorResponseException {

    RebuildRunning(String projection) {
        super(HttpStatus.CONFLICT, problem(projection), null);
    }

    private static ProblemDetail problem(String projection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A rebuild of " + projection + " is running, on this instance or another; the status on the instance "
                        + "that runs it shows its progress.");
        problem.setType(URI.create("https://bazaar.dev/problems/rebuild-running"));
        problem.setTitle("Rebuild running");
        return problem;
    }

}
