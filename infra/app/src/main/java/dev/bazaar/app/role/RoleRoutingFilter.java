package dev.bazaar.app.role;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses, before authentication, a request this instance's role does not serve ({@link NotServedHere}). */
final class RoleRoutingFilter extends OncePerRequestFilter {

    private final Role role;

    RoleRoutingFilter(Role role) {
        this.role = role;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Role side = Routes.sideOf(request.getMethod(), path);
        if (side != null && !role.runs(side)) {
            throw new NotServedHere(role, side, request.getMethod(), path);
        }
        chain.doFilter(request, response);
    }

}
