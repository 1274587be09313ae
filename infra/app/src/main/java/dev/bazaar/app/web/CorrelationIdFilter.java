package dev.bazaar.app.web;

import dev.bazaar.command.common.CommandSender;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is sane, else a new one):
 * in the logs, in the response header, and in the metadata of every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && given.matches("[A-Za-z0-9._:-]{1,128}") ? given
                : UUID.randomUUID().toString();
        MDC.put(CommandSender.CORRELATION_KEY, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(CommandSender.CORRELATION_KEY);
        }
    }

}
