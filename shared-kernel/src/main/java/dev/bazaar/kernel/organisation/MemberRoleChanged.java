package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A member's role in the organisation changed. */
@Revision("1")
public record MemberRoleChanged(OrganisationId organisationId, UserId userId, MemberRole role) {

}
