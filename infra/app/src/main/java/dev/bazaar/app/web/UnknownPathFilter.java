package dev.bazaar.app.web;

import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/**
 * An API path that no controller serves is 404 for every caller, before security decides anything: otherwise a
 * rule for a known resource ({@code /api/v1/admin/**} is for admins) answers 403 to a buyer and 401 to a stranger
 * for a path that does not exist, while an admin gets 404. A path that exists with another method stays 405.
 * Registered after the role filter, which answers 421 for what another role serves.
 */
final class UnknownPathFilter extends OncePerRequestFilter {

    private final ObjectProvider<HandlerMapping> controllers;

    UnknownPathFilter(ObjectProvider<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!served(request)) {
            throw new UnknownPath();
        }
        chain.doFilter(request, response);
    }

    private boolean served(HttpServletRequest request) {
        try {
            return controllers.getObject().getHandler(request) != null;
        }
        catch (Exception e) {
            return true; // the path exists with another method or media type: MVC answers 405 or 415
        }
    }

    /** Nothing is served at this path. */
    static final class UnknownPath extends Refusal {

        UnknownPath() {
            super("not-found", 404, "Not found", "No endpoint is served at this path.", java.util.List.of());
        }
    }

}
