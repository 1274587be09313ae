package dev.bazaar.app.web;

import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers a refusal thrown by a filter (an idempotency key in flight, a body too large, a rate limit, an API key
 * refused) as problem+json, the way the MVC advice answers one thrown by a controller. Outside every other filter but
 * the correlation id's, so that nothing before it can refuse unanswered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusalFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusalFilter.class);

    private final ProblemResponses problems;

    RefusalFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (Refusal refusal) {
            if (response.isCommitted()) {
                throw refusal;
            }
            response.resetBuffer();
            problems.write(response, refusal);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessResourceException unavailable) {
            // a filter's own statement (an idempotency claim) met a database that went away: as in a controller
            if (response.isCommitted()) {
                throw unavailable;
            }
            log.warn("Database unavailable for a request: {}", unavailable.getMostSpecificCause().toString());
            response.resetBuffer();
            problems.write(response, new DatabaseUnavailable());
        }
    }

}
