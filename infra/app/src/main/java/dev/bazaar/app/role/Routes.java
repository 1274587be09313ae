package dev.bazaar.app.role;

import java.util.List;

/**
 * Which side serves a request, by path and method: the same rules the load balancer routes by
 * (infra/app/scripts/nginx.conf.template), so that a request nginx sends to a role is one the role serves. Reads go to
 * queries and writes to commands, with three exceptions: the projection and processor admin API is the projector's
 * (it pauses and rebuilds the processors running there); API keys for pipelines belong to the event stream, a query
 * module; the payout-account read asks the payment provider for a fresh onboarding state, so it is a command's.
 * Health, metrics, signing keys and the API's description are every role's (null).
 */
public final class Routes {

    private static final List<String> EVERY_ROLE = List.of("/actuator", "/.well-known/", "/v3/api-docs",
            "/swagger-ui", "/error");

    private static final List<String> PROJECTOR = List.of("/api/v1/admin/projections", "/api/v1/admin/processors");

    private Routes() {
    }

    /** The side that serves it, or null when every role does. */
    public static Role sideOf(String method, String path) {
        if (EVERY_ROLE.stream().anyMatch(path::startsWith) || !path.startsWith("/api/")) {
            return null;
        }
        if (PROJECTOR.stream().anyMatch(prefix -> under(path, prefix))) {
            return Role.PROJECTOR;
        }
        if (under(path, "/api/v1/admin/api-keys")) {
            return Role.QUERY;
        }
        if (under(path, "/api/v1/payout-account")) {
            return Role.COMMAND;
        }
        return method.equals("GET") || method.equals("HEAD") ? Role.QUERY : Role.COMMAND;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

}
