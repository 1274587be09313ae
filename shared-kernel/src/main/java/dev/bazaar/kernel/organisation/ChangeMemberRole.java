package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a member another role. */
public record ChangeMemberRole(@TargetAggregateIdentifier OrganisationId organisationId, UserId userId,
        MemberRole role) {

}
