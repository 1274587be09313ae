package dev.bazaar.query.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.PersonalDataVault;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.USER_PROFILE;

/** Reads user profiles, opening their sealed personal data for those allowed to see it. */
@RestController
@RequestMapping("/api/v1/users")
class UserQueryController {

    private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.SUPPORT);

    private final DSLContext sql;

    private final PersonalDataVault vault;

    private final ProjectionPositions positions;

    private final ObjectMapper json;

    UserQueryController(DSLContext sql, PersonalDataVault vault, ProjectionPositions positions, ObjectMapper json) {
        this.sql = sql;
        this.vault = vault;
        this.positions = positions;
        this.json = json;
    }

    @GetMapping("/me")
    UserProfileView me(Actor actor, @RequestParam(required = false) @Min(0) Long consistentWith) {
        return profile(actor.id().value(), actor, consistentWith);
    }

    @GetMapping("/{id}")
    UserProfileView profile(@PathVariable UUID id, Actor actor,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.USER_PROFILE, consistentWith);
        Record row = sql.selectFrom(USER_PROFILE).where(USER_PROFILE.USER_ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NotFound("user", id);
        }
        UserId subject = new UserId(id);
        var view = new UserProfileView(id, row.get(USER_PROFILE.ROLE).toLowerCase(Locale.ROOT),
                row.get(USER_PROFILE.STATUS).toLowerCase(Locale.ROOT),
                open(subject, "displayName", row.get(USER_PROFILE.DISPLAY_NAME)),
                open(subject, "email", row.get(USER_PROFILE.EMAIL)),
                row.get(USER_PROFILE.EMAIL_VERIFIED), openOptional(subject, "phone", row.get(USER_PROFILE.PHONE)),
                address(subject, row.get(USER_PROFILE.ADDRESS)), row.get(USER_PROFILE.REGISTERED_AT).toInstant());
        boolean mayReadPrivate = actor.id().equals(subject) || STAFF.contains(actor.role());
        return mayReadPrivate ? view : view.publicPart();
    }

    /** Absent stays absent (null); present but unreadable reads as redacted. */
    private String openOptional(UserId subject, String field, String sealed) {
        return sealed == null ? null : vault.open(subject, field, sealed).orElse(PersonalDataVault.REDACTED);
    }

    private Object address(UserId subject, String sealed) {
        String opened = openOptional(subject, "address", sealed);
        if (opened == null || opened.equals(PersonalDataVault.REDACTED)) {
            return opened;
        }
        try {
            return json.readTree(opened);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("A sealed address is not JSON", e);
        }
    }

    /** For what every profile has: absent means it was dropped when the user was forgotten. */
    private String open(UserId subject, String field, String sealed) {
        return Objects.requireNonNullElse(openOptional(subject, field, sealed), PersonalDataVault.REDACTED);
    }

}
