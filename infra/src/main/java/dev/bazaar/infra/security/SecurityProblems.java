package dev.bazaar.infra.security;

import dev.bazaar.infra.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;

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
        problems.write(response, 401, badToken ? "invalid-token" : "unauthenticated", "Unauthorized",
                badToken ? "The access token is not valid (expired, revoked, or not ours); log in or refresh."
                        : "Log in and send the access token as 'Authorization: Bearer <token>'.");
    }

    /** 401 for an API key that does not open this request. */
    void apiKeyRefused(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey");
        problems.write(response, 401, "invalid-api-key", "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, 403, "not-permitted", "Forbidden", "Your role may not do this.");
    }

}
