package dev.bazaar.command.organisation;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.AcceptInvitation;
import dev.bazaar.kernel.organisation.ChangeMemberRole;
import dev.bazaar.kernel.organisation.CreateOrganisation;
import dev.bazaar.kernel.organisation.InviteMember;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.kernel.organisation.RemoveMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Organisations and their members; the {@link Organisation} aggregate decides who may do what. Invitations name
 * a user id, not an email address, so that inviting cannot be used to find out which addresses have accounts.
 */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationCommandController {

    private static final String ROLES = "(?i)owner|manager|member";

    private final CommandSender commands;

    OrganisationCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> create(@Valid @RequestBody NameBody body, Actor actor) {
        var id = OrganisationId.random();
        var accepted = commands.send(new CreateOrganisation(id, body.name()), id.toString(), actor);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + accepted.id())).body(accepted);
    }

    @PostMapping("/{id}/invitations")
    CommandAccepted invite(@PathVariable UUID id, @Valid @RequestBody InvitationBody body, Actor actor) {
        return commands.send(new InviteMember(new OrganisationId(id), new UserId(body.userId()),
                MemberRole.parse(body.role())), id.toString(), actor);
    }

    @PostMapping("/{id}/invitations/accept")
    CommandAccepted accept(@PathVariable UUID id, Actor actor) {
        return commands.send(new AcceptInvitation(new OrganisationId(id)), id.toString(), actor);
    }

    @PutMapping("/{id}/members/{userId}")
    CommandAccepted changeRole(@PathVariable UUID id, @PathVariable UUID userId, @Valid @RequestBody RoleBody body,
            Actor actor) {
        return commands.send(new ChangeMemberRole(new OrganisationId(id), new UserId(userId),
                MemberRole.parse(body.role())), id.toString(), actor);
    }

    @DeleteMapping("/{id}/members/{userId}")
    CommandAccepted remove(@PathVariable UUID id, @PathVariable UUID userId, Actor actor) {
        return commands.send(new RemoveMember(new OrganisationId(id), new UserId(userId)), id.toString(), actor);
    }

    record NameBody(@NotBlank @Size(max = Organisation.MAX_NAME_LENGTH) String name) {

    }

    record InvitationBody(@NotNull UUID userId,
            @NotBlank @Pattern(regexp = ROLES, message = "must be owner, manager or member") String role) {

    }

    record RoleBody(@NotBlank @Pattern(regexp = ROLES, message = "must be owner, manager or member") String role) {

    }

}
