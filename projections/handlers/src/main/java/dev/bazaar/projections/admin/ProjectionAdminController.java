package dev.bazaar.projections.admin;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Admins watch the projections and rebuild them from the event store, beside the live ones. */
@RestController
@RequestMapping("/api/v1/admin")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/projections")
    List<ProjectionStatus> projections(Actor actor) {
        requireAdmin(actor);
        return admin.all();
    }

    @GetMapping("/projections/{name}")
    ProjectionStatus projection(@PathVariable String name, Actor actor) {
        requireAdmin(actor);
        return admin.status(name);
    }

    /**
     * Also under processors, beside their status and dead letters; a processor that is not a projection (the order
     * process, the audit chain) is not found.
     */
    @PostMapping({"/projections/{name}/rebuild", "/processors/{name}/rebuild"})
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name, Actor actor) {
        requireAdmin(actor);
        return ResponseEntity.accepted().body(admin.rebuild(name));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only admins operate projections.");
        }
    }

}
