package dev.bazaar.infra.admin;

import dev.bazaar.command.common.NotPermitted;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Admins watch the projections and rebuild them from the event store. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<ProjectionStatus> projections(Actor actor) {
        requireAdmin(actor);
        return admin.all();
    }

    @GetMapping("/{name}")
    ProjectionStatus projection(@PathVariable String name, Actor actor) {
        requireAdmin(actor);
        return admin.status(name);
    }

    @PostMapping("/{name}/rebuild")
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
