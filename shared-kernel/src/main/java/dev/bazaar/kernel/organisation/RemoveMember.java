package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a member (or a pending invitation) out of the organisation; a member may remove themself. */
public record RemoveMember(@TargetAggregateIdentifier OrganisationId organisationId, UserId userId) {

}
