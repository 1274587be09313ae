package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A manager invited a user to join the organisation with a role. */
@Revision("1")
public record MemberInvited(OrganisationId organisationId, UserId userId, MemberRole role) {

}
