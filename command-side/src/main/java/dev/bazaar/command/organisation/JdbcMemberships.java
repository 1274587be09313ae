package dev.bazaar.command.organisation;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.MemberJoined;
import dev.bazaar.kernel.organisation.MemberRemoved;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.MemberRoleChanged;
import dev.bazaar.kernel.organisation.OrganisationCreated;
import dev.bazaar.kernel.organisation.OrganisationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Memberships in PostgreSQL, kept by a subscribing processor inside the appending transaction. */
@Component
@ProcessingGroup(JdbcMemberships.PROCESSING_GROUP)
class JdbcMemberships implements Memberships {

    static final String PROCESSING_GROUP = "organisation-directory";

    private final JdbcTemplate jdbc;

    JdbcMemberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MemberRole> roleOf(OrganisationId organisationId, UserId userId) {
        return jdbc.query("SELECT role FROM organisation_member WHERE organisation_id = ? AND user_id = ?",
                (rs, row) -> MemberRole.valueOf(rs.getString(1)), organisationId.value(), userId.value())
                .stream().findFirst();
    }

    @EventHandler
    void on(OrganisationCreated event) {
        put(event.organisationId(), event.ownerId(), MemberRole.OWNER);
    }

    @EventHandler
    void on(MemberJoined event) {
        put(event.organisationId(), event.userId(), event.role());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        put(event.organisationId(), event.userId(), event.role());
    }

    @EventHandler
    void on(MemberRemoved event) {
        jdbc.update("DELETE FROM organisation_member WHERE organisation_id = ? AND user_id = ?",
                event.organisationId().value(), event.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE organisation_member");
    }

    private void put(OrganisationId organisationId, UserId userId, MemberRole role) {
        jdbc.update("""
                INSERT INTO organisation_member (organisation_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role
                """, organisationId.value(), userId.value(), role.name());
    }

}
