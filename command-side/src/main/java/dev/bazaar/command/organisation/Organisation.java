package dev.bazaar.command.organisation;

import dev.bazaar.command.common.InvalidRequest;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.problem.Violation;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.AcceptInvitation;
import dev.bazaar.kernel.organisation.ChangeMemberRole;
import dev.bazaar.kernel.organisation.CreateOrganisation;
import dev.bazaar.kernel.organisation.InviteMember;
import dev.bazaar.kernel.organisation.MemberInvited;
import dev.bazaar.kernel.organisation.MemberJoined;
import dev.bazaar.kernel.organisation.MemberRemoved;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.MemberRoleChanged;
import dev.bazaar.kernel.organisation.OrganisationCreated;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.kernel.organisation.RemoveMember;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bazaar.kernel.organisation.MemberRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business on the marketplace and who acts for it. Keeps at least one owner at all times, so that an
 * organisation can never be left without someone able to manage it.
 */
@Aggregate(cache = "aggregateCache")
class Organisation {

    static final int MAX_NAME_LENGTH = 120;

    private static final Set<Role> FOUNDING_ROLES = Set.of(Role.BUYER, Role.SELLER);

    @AggregateIdentifier
    private OrganisationId organisationId;

    private final Map<UserId, MemberRole> members = new HashMap<>();

    private final Map<UserId, MemberRole> invited = new HashMap<>();

    Organisation() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Organisation(CreateOrganisation command, Actor actor) {
        if (!FOUNDING_ROLES.contains(actor.role())) {
            throw new NotPermitted("Buyers and sellers found organisations.");
        }
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequest(List.of(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH + " characters")));
        }
        apply(new OrganisationCreated(command.organisationId(), name, actor.id()));
    }

    @CommandHandler
    void handle(InviteMember command, Actor actor) {
        requireManager(actor);
        if (command.role() == OWNER) {
            requireOwner(actor);
        }
        if (members.containsKey(command.userId())) {
            throw new MembershipConflict("User " + command.userId() + " is a member already.");
        }
        if (command.role() != invited.get(command.userId())) {
            apply(new MemberInvited(organisationId, command.userId(), command.role()));
        }
    }

    @CommandHandler
    void handle(AcceptInvitation command, Actor actor) {
        MemberRole role = invited.get(actor.id());
        if (role == null) {
            throw members.containsKey(actor.id()) ? new MembershipConflict("You are a member already.")
                    : new NotPermitted("You have no invitation to this organisation.");
        }
        apply(new MemberJoined(organisationId, actor.id(), role));
    }

    @CommandHandler
    void handle(ChangeMemberRole command, Actor actor) {
        requireOwner(actor);
        MemberRole current = requireMember(command.userId());
        if (current == command.role()) {
            return;
        }
        if (current == OWNER) {
            requireAnotherOwner(command.userId());
        }
        apply(new MemberRoleChanged(organisationId, command.userId(), command.role()));
    }

    @CommandHandler
    void handle(RemoveMember command, Actor actor) {
        UserId leaving = command.userId();
        if (invited.containsKey(leaving)) {
            requireManager(actor);
            apply(new MemberRemoved(organisationId, leaving));
            return;
        }
        MemberRole role = requireMember(leaving);
        boolean self = actor.id().equals(leaving);
        if (!self) {
            requireManager(actor);
            if (role == OWNER) {
                requireOwner(actor);
            }
        }
        if (role == OWNER) {
            requireAnotherOwner(leaving);
        }
        apply(new MemberRemoved(organisationId, leaving));
    }

    @EventSourcingHandler
    void on(OrganisationCreated event) {
        organisationId = event.organisationId();
        members.put(event.ownerId(), OWNER);
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        invited.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        invited.remove(event.userId());
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        invited.remove(event.userId());
        members.remove(event.userId());
    }

    /** Managers and owners of this organisation manage it; so do the platform's admins. */
    private void requireManager(Actor actor) {
        MemberRole role = members.get(actor.id());
        if (!actor.is(Role.ADMIN) && (role == null || !role.manages())) {
            throw new NotPermitted("Only the organisation's owners and managers may do this.");
        }
    }

    private void requireOwner(Actor actor) {
        if (!actor.is(Role.ADMIN) && members.get(actor.id()) != OWNER) {
            throw new NotPermitted("Only the organisation's owners may do this.");
        }
    }

    private MemberRole requireMember(UserId userId) {
        MemberRole role = members.get(userId);
        if (role == null) {
            throw new MembershipConflict("User " + userId + " is not a member.");
        }
        return role;
    }

    private void requireAnotherOwner(UserId leaving) {
        boolean another = members.entrySet().stream()
                .anyMatch(member -> member.getValue() == OWNER && !member.getKey().equals(leaving));
        if (!another) {
            throw new MembershipConflict("An organisation keeps at least one owner; make someone else owner first.");
        }
    }

}
