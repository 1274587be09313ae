package dev.bazaar.projections.user;

import dev.bazaar.kernel.identity.AccountStatus;
import dev.bazaar.kernel.identity.ContactDetailsChanged;
import dev.bazaar.kernel.identity.EmailVerified;
import dev.bazaar.kernel.identity.UserForgotten;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.UserRegistered;
import dev.bazaar.kernel.identity.UserReinstated;
import dev.bazaar.kernel.identity.UserSuspended;
import dev.bazaar.readmodel.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static dev.bazaar.readmodel.jooq.Tables.USER_PROFILE;

/**
 * User profiles. Copies the sealed email and name as they are (the query side opens them with the user's key),
 * and drops them when the user is forgotten, so that not even ciphertext stays in the read model.
 */
@Component
@ProcessingGroup(ProjectionNames.USER_PROFILE)
class UserProfileProjection {

    private final DSLContext sql;

    UserProfileProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.insertInto(USER_PROFILE)
                .set(USER_PROFILE.USER_ID, event.userId().value())
                .set(USER_PROFILE.ROLE, event.role().name())
                .set(USER_PROFILE.STATUS, AccountStatus.ACTIVE.name())
                .set(USER_PROFILE.EMAIL, event.email())
                .set(USER_PROFILE.DISPLAY_NAME, event.displayName())
                .set(USER_PROFILE.EMAIL_VERIFIED, false)
                .set(USER_PROFILE.REGISTERED_AT, at.atOffset(ZoneOffset.UTC))
                .set(USER_PROFILE.VERSION, version)
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long version) {
        sql.update(USER_PROFILE)
                .set(USER_PROFILE.PHONE, event.phone())
                .set(USER_PROFILE.ADDRESS, event.address())
                .set(USER_PROFILE.VERSION, version)
                .where(USER_PROFILE.USER_ID.eq(event.userId().value()))
                .and(USER_PROFILE.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(EmailVerified event, @SequenceNumber long version) {
        update(event.userId(), version, USER_PROFILE.EMAIL_VERIFIED, true);
    }

    @EventHandler
    void on(UserSuspended event, @SequenceNumber long version) {
        update(event.userId(), version, USER_PROFILE.STATUS, AccountStatus.SUSPENDED.name());
    }

    @EventHandler
    void on(UserReinstated event, @SequenceNumber long version) {
        update(event.userId(), version, USER_PROFILE.STATUS, AccountStatus.ACTIVE.name());
    }

    @EventHandler
    void on(UserForgotten event, @SequenceNumber long version) {
        sql.update(USER_PROFILE)
                .set(USER_PROFILE.STATUS, AccountStatus.FORGOTTEN.name())
                .setNull(USER_PROFILE.EMAIL)
                .setNull(USER_PROFILE.DISPLAY_NAME)
                .setNull(USER_PROFILE.PHONE)
                .setNull(USER_PROFILE.ADDRESS)
                .set(USER_PROFILE.VERSION, version)
                .where(USER_PROFILE.USER_ID.eq(event.userId().value()))
                .and(USER_PROFILE.VERSION.lt(version))
                .execute();
    }

    @ResetHandler
    void reset() {
        sql.truncate(USER_PROFILE).execute();
    }

    private <T> void update(UserId userId, long version, Field<T> column, T value) {
        sql.update(USER_PROFILE)
                .set(column, value)
                .set(USER_PROFILE.VERSION, version)
                .where(USER_PROFILE.USER_ID.eq(userId.value()))
                .and(USER_PROFILE.VERSION.lt(version))
                .execute();
    }

}
