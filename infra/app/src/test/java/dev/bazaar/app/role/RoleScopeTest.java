package dev.bazaar.app.role;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoleScopeTest {

    @Test
    void projection_handlers_and_their_runtime_are_the_projectors() {
        assertThat(RoleScope.sideOf("dev.bazaar.projections.listing.ListingReadModelProjection", false, false))
                .isEqualTo(Role.PROJECTOR);
        assertThat(RoleScope.sideOf("dev.bazaar.projections.admin.ProjectionAdminController", false, true))
                .isEqualTo(Role.PROJECTOR);
    }

    @Test
    void aggregates_command_controllers_the_payment_process_and_deadlines_are_the_commands() {
        assertThat(RoleScope.sideOf("dev.bazaar.command.order.Order", true, false)).isEqualTo(Role.COMMAND);
        assertThat(RoleScope.sideOf("dev.bazaar.command.order.OrderCommandController", false, true))
                .isEqualTo(Role.COMMAND);
        assertThat(RoleScope.sideOf("dev.bazaar.command.payment.OrderPaymentProcess", false, false))
                .isEqualTo(Role.COMMAND);
        assertThat(RoleScope.sideOf("dev.bazaar.command.common.DeadlineConfiguration", false, false))
                .isEqualTo(Role.COMMAND);
        assertThat(RoleScope.sideOf("dev.bazaar.app.security.AdminBootstrap", false, false)).isEqualTo(Role.COMMAND);
    }

    @Test
    void queries_audit_and_the_stream_are_the_query_sides_but_api_keys_are_everyones() {
        assertThat(RoleScope.sideOf("dev.bazaar.query.search.SearchQueryController", false, true))
                .isEqualTo(Role.QUERY);
        assertThat(RoleScope.sideOf("dev.bazaar.audit.chain.AuditController", false, true)).isEqualTo(Role.QUERY);
        assertThat(RoleScope.sideOf("dev.bazaar.stream.LiveTail", false, false)).isEqualTo(Role.QUERY);
        assertThat(RoleScope.sideOf("dev.bazaar.stream.apikey.ApiKeyFilter", false, false)).isNull();
    }

    @Test
    void what_logins_and_commands_consult_is_in_every_role() {
        assertThat(RoleScope.sideOf("dev.bazaar.command.identity.AccountDirectory", false, false)).isNull();
        assertThat(RoleScope.sideOf("dev.bazaar.command.common.CommandSender", false, false)).isNull();
        assertThat(RoleScope.sideOf("dev.bazaar.eventstore.balance.SegmentBalancer", false, false)).isNull();
        assertThat(RoleScope.sideOf("dev.bazaar.app.security.SecurityConfiguration", false, false)).isNull();
    }

    @Test
    void a_role_runs_its_own_side_and_all_runs_every_side() {
        assertThat(Role.ALL.runs(Role.PROJECTOR)).isTrue();
        assertThat(Role.QUERY.runs(Role.QUERY)).isTrue();
        assertThat(Role.QUERY.runs(Role.COMMAND)).isFalse();
        assertThat(Role.of(null)).isEqualTo(Role.ALL);
        assertThat(Role.of(" Projector ")).isEqualTo(Role.PROJECTOR);
        assertThatThrownBy(() -> Role.of("reader")).hasMessageContaining("all, command, projector or query");
    }

}
