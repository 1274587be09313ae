package dev.bazaar.command.organisation;

import dev.bazaar.command.Actors;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.organisation.AcceptInvitation;
import dev.bazaar.kernel.organisation.ChangeMemberRole;
import dev.bazaar.kernel.organisation.CreateOrganisation;
import dev.bazaar.kernel.organisation.InviteMember;
import dev.bazaar.kernel.organisation.MemberInvited;
import dev.bazaar.kernel.organisation.MemberJoined;
import dev.bazaar.kernel.organisation.MemberRemoved;
import dev.bazaar.kernel.organisation.MemberRoleChanged;
import dev.bazaar.kernel.organisation.OrganisationCreated;
import dev.bazaar.kernel.organisation.OrganisationId;
import dev.bazaar.kernel.organisation.RemoveMember;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.bazaar.command.RefusalMatchers.refusal;
import static dev.bazaar.kernel.organisation.MemberRole.MANAGER;
import static dev.bazaar.kernel.organisation.MemberRole.MEMBER;
import static dev.bazaar.kernel.organisation.MemberRole.OWNER;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrganisationTest {

    private static final OrganisationId ACME = OrganisationId.of("50000000-0000-0000-0000-000000000001");

    private static final UserId FOUNDER = Actors.SELLER;

    private static final UserId BOB = Actors.OTHER_SELLER;

    private static final UserId CAROL = Actors.BUYER;

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    private static Map<String, Object> founder() {
        return Actors.theSeller();
    }

    private static Map<String, Object> bob() {
        return Actors.anotherSeller();
    }

    private static Map<String, Object> carol() {
        return Actors.as(CAROL, Role.BUYER);
    }

    private static OrganisationCreated founded() {
        return new OrganisationCreated(ACME, "Acme Lamps", FOUNDER);
    }

    @Test
    void the_founder_becomes_the_first_owner() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganisation(ACME, " Acme Lamps "), founder())
                .expectEvents(founded());
    }

    @Test
    void staff_do_not_found_organisations() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganisation(ACME, "Acme"), Actors.as(Actors.ADMIN, Role.SUPPORT))
                .expectException(refusal("not-permitted"));
    }

    @Test
    void an_invited_user_becomes_a_member_when_they_accept() {
        fixture.given(founded(), new MemberInvited(ACME, BOB, MANAGER))
                .when(new AcceptInvitation(ACME), bob())
                .expectEvents(new MemberJoined(ACME, BOB, MANAGER));
    }

    @Test
    void nobody_accepts_an_invitation_they_did_not_get() {
        fixture.given(founded(), new MemberInvited(ACME, BOB, MANAGER))
                .when(new AcceptInvitation(ACME), carol())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_plain_member_cannot_invite() {
        fixture.given(founded(), new MemberInvited(ACME, CAROL, MEMBER), new MemberJoined(ACME, CAROL, MEMBER))
                .when(new InviteMember(ACME, BOB, MEMBER), carol())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_manager_invites_members_but_only_an_owner_invites_owners() {
        fixture.given(founded(), new MemberInvited(ACME, BOB, MANAGER), new MemberJoined(ACME, BOB, MANAGER))
                .when(new InviteMember(ACME, CAROL, OWNER), bob())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void the_last_owner_can_neither_leave_nor_be_demoted() {
        fixture.given(founded())
                .when(new RemoveMember(ACME, FOUNDER), founder())
                .expectException(refusal("membership-conflict"));
        fixture.given(founded())
                .when(new ChangeMemberRole(ACME, FOUNDER, MEMBER), founder())
                .expectException(refusal("membership-conflict"));
    }

    @Test
    void an_owner_hands_over_and_then_leaves() {
        fixture.given(founded(), new MemberInvited(ACME, BOB, MANAGER), new MemberJoined(ACME, BOB, MANAGER),
                        new MemberRoleChanged(ACME, BOB, OWNER))
                .when(new RemoveMember(ACME, FOUNDER), founder())
                .expectEvents(new MemberRemoved(ACME, FOUNDER));
    }

    @Test
    void a_member_may_leave_but_not_remove_others() {
        fixture.given(founded(), new MemberInvited(ACME, CAROL, MEMBER), new MemberJoined(ACME, CAROL, MEMBER))
                .when(new RemoveMember(ACME, CAROL), carol())
                .expectEvents(new MemberRemoved(ACME, CAROL));
        fixture.given(founded(), new MemberInvited(ACME, CAROL, MEMBER), new MemberJoined(ACME, CAROL, MEMBER))
                .when(new RemoveMember(ACME, FOUNDER), carol())
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_manager_cannot_remove_an_owner() {
        fixture.given(founded(), new MemberInvited(ACME, BOB, MANAGER), new MemberJoined(ACME, BOB, MANAGER))
                .when(new RemoveMember(ACME, FOUNDER), bob())
                .expectException(refusal("not-permitted"));
    }

}
