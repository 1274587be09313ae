package dev.bazaar.query.organisation;

import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_MEMBER_VIEW;
import static dev.bazaar.readmodel.jooq.Tables.ORGANISATION_VIEW;

/** Organisations, for their members (and invitees) and for staff; to everyone else they do not exist (404). */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationQueryController {

    private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.SUPPORT);

    private final DSLContext sql;

    private final ProjectionPositions positions;

    OrganisationQueryController(DSLContext sql, ProjectionPositions positions) {
        this.sql = sql;
        this.positions = positions;
    }

    /** One member of an organisation, or someone invited to be one. */
    record Member(UUID userId, String role, String status) {
    }

    record OrganisationView(UUID id, String name, Instant createdAt, List<Member> members) {
    }

    /** An organisation the caller belongs to (or is invited to), with their role there. */
    record Membership(UUID organisationId, String name, String role, String status) {
    }

    @GetMapping("/mine")
    List<Membership> mine(Actor actor, @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.ORGANISATION_READ_MODEL, consistentWith);
        return sql.select(ORGANISATION_VIEW.ORGANISATION_ID, ORGANISATION_VIEW.NAME, ORGANISATION_MEMBER_VIEW.ROLE,
                        ORGANISATION_MEMBER_VIEW.STATUS)
                .from(ORGANISATION_MEMBER_VIEW)
                .join(ORGANISATION_VIEW)
                .on(ORGANISATION_VIEW.ORGANISATION_ID.eq(ORGANISATION_MEMBER_VIEW.ORGANISATION_ID))
                .where(ORGANISATION_MEMBER_VIEW.USER_ID.eq(actor.id().value()))
                .orderBy(ORGANISATION_VIEW.NAME)
                .fetch(row -> new Membership(row.value1(), row.value2(), lower(row.value3()), lower(row.value4())));
    }

    @GetMapping("/{id}")
    OrganisationView organisation(@PathVariable UUID id, Actor actor,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.ORGANISATION_READ_MODEL, consistentWith);
        var organisation = sql.selectFrom(ORGANISATION_VIEW).where(ORGANISATION_VIEW.ORGANISATION_ID.eq(id))
                .fetchOne();
        List<Member> members = sql.selectFrom(ORGANISATION_MEMBER_VIEW)
                .where(ORGANISATION_MEMBER_VIEW.ORGANISATION_ID.eq(id))
                .orderBy(ORGANISATION_MEMBER_VIEW.ROLE, ORGANISATION_MEMBER_VIEW.USER_ID)
                .fetch(row -> new Member(row.getUserId(), lower(row.getRole()), lower(row.getStatus())));
        boolean involved = members.stream().anyMatch(member -> member.userId().equals(actor.id().value()));
        if (organisation == null || !(involved || STAFF.contains(actor.role()))) {
            throw new NotFound("organisation", id);
        }
        return new OrganisationView(id, organisation.getName(), organisation.getCreatedAt().toInstant(), members);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

}
