package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A member left or was removed, or a pending invitation was withdrawn. */
@Revision("1")
public record MemberRemoved(OrganisationId organisationId, UserId userId) {

}
