package dev.bazaar.stream.apikey;

import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Authenticates {@code X-Api-Key} on the event stream ({@code /api/v1/events...}) and nowhere else: an API key is for
 * a pipeline reading events, not for acting in the marketplace. A key that is malformed, unknown, revoked, or sent
 * anywhere else is a 401, never silently ignored.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private static final String STREAM = "/api/v1/events";

    private final ApiKeys keys;

    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(STREAM) && !path.startsWith(STREAM + "/")) {
            throw refused(response, "API keys open the event stream (/api/v1/events) only; "
                    + "log in for everything else.");
        }
        var key = keys.authenticate(presented);
        if (key.isEmpty()) {
            throw refused(response, "The API key is not valid (malformed, unknown or revoked).");
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        // kept on the request, as for bearer tokens, so the live tail's async dispatches stay authenticated
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private static ApiKeyRefused refused(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "ApiKey");
        return new ApiKeyRefused(detail);
    }

    /** An API key that does not open this request (401). */
    static final class ApiKeyRefused extends Refusal {

        ApiKeyRefused(String detail) {
            super("invalid-api-key", 401, "Unauthorized", detail, List.of());
        }

    }

}
