package dev.bazaar.command.organisation;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.OrganisationId;

import java.util.Optional;

/** Who is a member of which organisation, for decisions outside the organisation (a listing's owner rules). */
public interface Memberships {

    Optional<MemberRole> roleOf(OrganisationId organisationId, UserId userId);

}
