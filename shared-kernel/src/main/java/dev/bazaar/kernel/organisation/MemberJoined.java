package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** An invited user accepted and is now a member with the invited role. */
@Revision("1")
public record MemberJoined(OrganisationId organisationId, UserId userId, MemberRole role) {

}
