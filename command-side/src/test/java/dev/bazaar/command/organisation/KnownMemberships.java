package dev.bazaar.command.organisation;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.OrganisationId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Memberships as the test says they are; the real directory is a table kept in the appending transaction. */
public final class KnownMemberships implements Memberships {

    private final Map<String, MemberRole> roles = new HashMap<>();

    public KnownMemberships with(OrganisationId organisationId, UserId userId, MemberRole role) {
        roles.put(organisationId + "/" + userId, role);
        return this;
    }

    @Override
    public Optional<MemberRole> roleOf(OrganisationId organisationId, UserId userId) {
        return Optional.ofNullable(roles.get(organisationId + "/" + userId));
    }

}
