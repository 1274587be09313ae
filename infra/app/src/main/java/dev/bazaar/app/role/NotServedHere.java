package dev.bazaar.app.role;

import dev.bazaar.kernel.problem.Refusal;

import java.util.List;
import java.util.Map;

/**
 * 421 Misdirected Request: this instance's role does not serve the request; the one named in {@code servedBy} does.
 * A load balancer routing by the rules of {@link Routes} never sends one here; a client that reached an instance
 * directly learns where to go instead of getting a 404 for an endpoint that exists.
 */
final class NotServedHere extends Refusal {

    private final Role servedBy;

    private final Role role;

    NotServedHere(Role role, Role servedBy, String method, String path) {
        super("not-served-by-this-role", 421, "Misdirected request", method + " " + path + " is served by the "
                + servedBy.value() + " role; this instance runs as " + role.value() + ".", List.of());
        this.role = role;
        this.servedBy = servedBy;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("role", role.value(), "servedBy", servedBy.value());
    }

}
