package dev.bazaar.projections.organisation;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.MemberInvited;
import dev.bazaar.kernel.organisation.MemberJoined;
import dev.bazaar.kernel.organisation.MemberRemoved;
import dev.bazaar.kernel.organisation.MemberRole;
import dev.bazaar.kernel.organisation.MemberRoleChanged;
import dev.bazaar.kernel.organisation.OrganisationCreated;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.readmodel.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_MEMBER_VIEW;
import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_VIEW;

/**
 * Organisations with their members and pending invitations. Every write is an upsert or a delete keyed by
 * (organisation, user), so a redelivered event changes nothing; the organisation's version orders them.
 */
@Component
@ProcessingGroup(ProjectionNames.ORGANISATION_READ_MODEL)
class OrganisationReadModelProjection {

    private static final String INVITED = "INVITED";

    private static final String MEMBER = "MEMBER";

    private final DSLContext sql;

    OrganisationReadModelProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(OrganisationCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.insertInto(ORGANISATION_VIEW)
                .set(ORGANISATION_VIEW.ORGANISATION_ID, event.organisationId().value())
                .set(ORGANISATION_VIEW.NAME, event.name())
                .set(ORGANISATION_VIEW.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(ORGANISATION_VIEW.VERSION, version)
                .onConflictDoNothing()
                .execute();
        put(event.organisationId(), event.ownerId(), MemberRole.OWNER, MEMBER);
    }

    @EventHandler
    void on(MemberInvited event) {
        put(event.organisationId(), event.userId(), event.role(), INVITED);
    }

    @EventHandler
    void on(MemberJoined event) {
        put(event.organisationId(), event.userId(), event.role(), MEMBER);
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        put(event.organisationId(), event.userId(), event.role(), MEMBER);
    }

    @EventHandler
    void on(MemberRemoved event) {
        sql.deleteFrom(ORGANISATION_MEMBER_VIEW)
                .where(ORGANISATION_MEMBER_VIEW.ORGANISATION_ID.eq(event.organisationId().value()))
                .and(ORGANISATION_MEMBER_VIEW.USER_ID.eq(event.userId().value()))
                .execute();
    }

    @ResetHandler
    void reset() {
        sql.truncate(ORGANISATION_MEMBER_VIEW).execute();
        sql.truncate(ORGANISATION_VIEW).execute();
    }

    private void put(OrganisationId organisationId, UserId userId, MemberRole role, String status) {
        sql.insertInto(ORGANISATION_MEMBER_VIEW)
                .set(ORGANISATION_MEMBER_VIEW.ORGANISATION_ID, organisationId.value())
                .set(ORGANISATION_MEMBER_VIEW.USER_ID, userId.value())
                .set(ORGANISATION_MEMBER_VIEW.ROLE, role.name())
                .set(ORGANISATION_MEMBER_VIEW.STATUS, status)
                .onConflict(ORGANISATION_MEMBER_VIEW.ORGANISATION_ID, ORGANISATION_MEMBER_VIEW.USER_ID)
                .doUpdate()
                .set(ORGANISATION_MEMBER_VIEW.ROLE, role.name())
                .set(ORGANISATION_MEMBER_VIEW.STATUS, status)
                .execute();
    }

}
