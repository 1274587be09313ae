package dev.bazaar.command.identity;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.identity.ChangeContactDetails;
import dev.bazaar.kernel.identity.ChangePassword;
import dev.bazaar.kernel.identity.ContactDetailsChanged;
import dev.bazaar.kernel.identity.PostalAddress;
import dev.bazaar.kernel.identity.EmailVerified;
import dev.bazaar.kernel.identity.ForgetUser;
import dev.bazaar.kernel.identity.PasswordChanged;
import dev.bazaar.kernel.identity.RegisterUser;
import dev.bazaar.kernel.identity.ReinstateUser;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.SuspendUser;
import dev.bazaar.kernel.identity.UserForgotten;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.identity.UserRegistered;
import dev.bazaar.kernel.identity.UserReinstated;
import dev.bazaar.kernel.identity.UserSuspended;
import dev.bazaar.kernel.identity.VerifyEmail;
import dev.bazaar.kernel.identity.PersonalDataVault;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.bazaar.command.Actors.ADMIN;
import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.as;
import static dev.bazaar.command.RefusalMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UserTest {

    private static final UserId ANNA = UserId.of("40000000-0000-0000-0000-000000000001");

    private final RecordingVault vault = new RecordingVault();

    private final Set<String> claimed = new HashSet<>();

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new EmailClaims() {
            @Override
            public void claim(String emailIndex, UserId userId) {
                if (!claimed.add(emailIndex)) {
                    throw new EmailTaken();
                }
            }

            @Override
            public void release(UserId userId) {
                claimed.clear();
            }
        });
    }

    private static RegisterUser register(Role role) {
        return new RegisterUser(ANNA, role, "anna@example.com", "index-of-anna", "Anna", "{bcrypt}hash");
    }

    private static UserRegistered registered() {
        return new UserRegistered(ANNA, Role.SELLER, "sealed:email:anna@example.com",
                "sealed:emailIndex:index-of-anna", "sealed:displayName:Anna", "sealed:passwordHash:{bcrypt}hash");
    }

    private static Map<String, Object> anna() {
        return as(ANNA, Role.SELLER);
    }

    @Test
    void registering_seals_every_piece_of_personal_data_before_it_becomes_an_event() {
        fixture.givenNoPriorActivity()
                .when(register(Role.SELLER), anna())
                .expectEvents(registered());
        assertThat(vault.keys).contains(ANNA);
    }

    @Test
    void an_email_already_claimed_cannot_register_again() {
        claimed.add("index-of-anna");
        fixture.givenNoPriorActivity()
                .when(register(Role.BUYER), anna())
                .expectException(refusal("email-taken"))
                .expectNoEvents();
    }

    @Test
    void nobody_gives_themselves_a_staff_role() {
        fixture.givenNoPriorActivity()
                .when(register(Role.ADMIN), anna())
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registering_oneself_as_admin_is_refused_even_though_one_would_be_the_admin() {
        fixture.givenNoPriorActivity()
                .when(register(Role.ADMIN), as(ANNA, Role.ADMIN))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void an_admin_opens_a_staff_account() {
        fixture.givenNoPriorActivity()
                .when(register(Role.SUPPORT), anAdmin())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void verifying_twice_records_it_once() {
        fixture.given(registered(), new EmailVerified(ANNA))
                .when(new VerifyEmail(ANNA), anna())
                .expectNoEvents();
    }

    @Test
    void a_user_changes_their_own_password() {
        fixture.given(registered())
                .when(new ChangePassword(ANNA, "{bcrypt}new"), anna())
                .expectEvents(new PasswordChanged(ANNA, "sealed:passwordHash:{bcrypt}new"));
    }

    @Test
    void contact_details_are_sealed_the_address_as_one_value() {
        fixture.given(registered())
                .when(new ChangeContactDetails(ANNA, "+44 20 7946 0000",
                        new PostalAddress("1 Fleet Street", null, "EC4Y 1AA", "London", "GB")), anna())
                .expectEvents(new ContactDetailsChanged(ANNA, "sealed:phone:+44 20 7946 0000",
                        "sealed:address:{\"line1\":\"1 Fleet Street\",\"line2\":null,\"postalCode\":\"EC4Y 1AA\","
                                + "\"city\":\"London\",\"country\":\"GB\"}"));
    }

    @Test
    void nobody_else_changes_a_users_contact_details() {
        fixture.given(registered())
                .when(new ChangeContactDetails(ANNA, "+1 555 0100", null), anAdmin())
                .expectException(NotPermitted.class);
    }

    @Test
    void nobody_else_changes_a_users_password_not_even_an_admin() {
        fixture.given(registered())
                .when(new ChangePassword(ANNA, "{bcrypt}new"), anAdmin())
                .expectException(NotPermitted.class);
    }

    @Test
    void a_suspended_user_cannot_change_their_password() {
        fixture.given(registered(), new UserSuspended(ANNA, "fraud review"))
                .when(new ChangePassword(ANNA, "{bcrypt}new"), anna())
                .expectException(refusal("account-unavailable"));
    }

    @Test
    void an_admin_suspends_and_reinstates_a_user() {
        fixture.given(registered())
                .when(new SuspendUser(ANNA, "fraud review"), anAdmin())
                .expectEvents(new UserSuspended(ANNA, "fraud review"));
        fixture.given(registered(), new UserSuspended(ANNA, "fraud review"))
                .when(new ReinstateUser(ANNA), anAdmin())
                .expectEvents(new UserReinstated(ANNA));
    }

    @Test
    void only_an_admin_suspends() {
        fixture.given(registered())
                .when(new SuspendUser(ANNA, "because"), anna())
                .expectException(NotPermitted.class);
    }

    @Test
    void an_admin_never_suspends_their_own_account() {
        fixture.given(new UserRegistered(ADMIN, Role.ADMIN, "e", "i", "d", "p"))
                .when(new SuspendUser(ADMIN, "oops"), anAdmin())
                .expectException(NotPermitted.class);
    }

    @Test
    void forgetting_destroys_the_data_key_and_frees_the_email() {
        claimed.add("index-of-anna");
        vault.keys.add(ANNA);
        fixture.given(registered())
                .when(new ForgetUser(ANNA), anna())
                .expectEvents(new UserForgotten(ANNA));
        assertThat(vault.keys).doesNotContain(ANNA);
        assertThat(claimed).isEmpty();
    }

    @Test
    void another_user_cannot_have_someone_forgotten() {
        fixture.given(registered())
                .when(new ForgetUser(ANNA), as(UserId.of("40000000-0000-0000-0000-000000000002"), Role.SELLER))
                .expectException(NotPermitted.class);
    }

    @Test
    void a_forgotten_user_stays_forgotten() {
        fixture.given(registered(), new UserForgotten(ANNA))
                .when(new ReinstateUser(ANNA), anAdmin())
                .expectException(refusal("account-unavailable"));
        fixture.given(registered(), new UserForgotten(ANNA))
                .when(new ForgetUser(ANNA), anAdmin())
                .expectNoEvents();
    }

    /** Marks values as sealed for field and subject, so a test sees what was sealed (the real one is Tink). */
    static final class RecordingVault implements PersonalDataVault {

        final Set<UserId> keys = new HashSet<>();

        private final Map<String, String> opened = new HashMap<>();

        @Override
        public void createKey(UserId subject) {
            keys.add(subject);
        }

        @Override
        public String seal(UserId subject, String field, String plaintext) {
            String sealed = "sealed:" + field + ":" + plaintext;
            opened.put(sealed, plaintext);
            return sealed;
        }

        @Override
        public Optional<String> open(UserId subject, String field, String sealed) {
            return keys.contains(subject) ? Optional.ofNullable(opened.get(sealed)) : Optional.empty();
        }

        @Override
        public void shred(UserId subject) {
            keys.remove(subject);
        }

    }

}
