package dev.bazaar.app.replica;

import dev.bazaar.app.role.Role;
import dev.bazaar.app.role.Routes;
import dev.bazaar.readmodel.source.ReadRouting;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Sends the reads of a query request to the replica: GET and HEAD requests that the query side serves, except the
 * admin API (an operator reads the primary's truth). Security's lookups ran before, in filters, on the primary. While
 * the replica is unusable such a request is marked as read from the primary from the start. The mark lives on the
 * request's thread, so it is cleared when the request is done with that thread, also when the request goes on
 * asynchronously (the live tail): a later request on the thread must never inherit it.
 */
final class ReplicaReads implements AsyncHandlerInterceptor {

    static final String SOURCE_HEADER = "Bazaar-Read-Source";

    private final ReplicaMonitor monitor;

    ReplicaReads(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ReadRouting.clear();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (Routes.sideOf(request.getMethod(), path) == Role.QUERY && !path.startsWith("/api/v1/admin/")) {
            ReadRouting.readFromReplica();
            if (!monitor.usable()) {
                ReadRouting.fallBackToPrimary();
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        ReadRouting.clear();
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        ReadRouting.clear();
    }

}
