package dev.bazaar.app.security;

import dev.bazaar.app.web.ProblemResponses;
import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/** 401 and 403 from the security chain as problem+json, like every other error. */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof InvalidBearerTokenException
                || failure.getCause() instanceof org.springframework.security.oauth2.jwt.JwtException;
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(response, badToken
                ? new ChainRefusal("invalid-token", 401, "Unauthorized",
                        "The access token is not valid (expired, revoked, or not ours); log in or refresh.")
                : new ChainRefusal("unauthenticated", 401, "Unauthorized",
                        "Log in and send the access token as 'Authorization: Bearer <token>'."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, new ChainRefusal("not-permitted", 403, "Forbidden", "Your role may not do this."));
    }

    /** A refusal of the security chain, titled as HTTP names its status. */
    private static final class ChainRefusal extends Refusal {

        ChainRefusal(String type, int status, String title, String detail) {
            super(type, status, title, detail, List.of());
        }

    }

}
