package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invite a user (by id) to join with a role; they become a member when they accept. */
public record InviteMember(@TargetAggregateIdentifier OrganisationId organisationId, UserId userId, MemberRole role) {

}
