package dev.bazaar.kernel.organisation;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A user founded an organisation and became its first owner. */
@Revision("1")
public record OrganisationCreated(OrganisationId organisationId, String name, UserId ownerId) {

}
