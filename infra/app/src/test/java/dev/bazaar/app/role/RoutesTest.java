package dev.bazaar.app.role;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutesTest {

    @Test
    void reads_go_to_queries_and_writes_to_commands() {
        assertThat(Routes.sideOf("GET", "/api/v1/listings/42")).isEqualTo(Role.QUERY);
        assertThat(Routes.sideOf("HEAD", "/api/v1/search/listings")).isEqualTo(Role.QUERY);
        assertThat(Routes.sideOf("POST", "/api/v1/listings")).isEqualTo(Role.COMMAND);
        assertThat(Routes.sideOf("PUT", "/api/v1/listings/42")).isEqualTo(Role.COMMAND);
        assertThat(Routes.sideOf("DELETE", "/api/v1/organisations/1/members/2")).isEqualTo(Role.COMMAND);
        assertThat(Routes.sideOf("POST", "/api/v1/auth/token")).isEqualTo(Role.COMMAND);
        assertThat(Routes.sideOf("POST", "/api/v1/webhooks/stripe")).isEqualTo(Role.COMMAND);
    }

    @Test
    void the_projection_admin_api_is_the_projectors_whatever_the_method() {
        assertThat(Routes.sideOf("GET", "/api/v1/admin/projections")).isEqualTo(Role.PROJECTOR);
        assertThat(Routes.sideOf("POST", "/api/v1/admin/projections/listing-read-model/rebuild"))
                .isEqualTo(Role.PROJECTOR);
        assertThat(Routes.sideOf("GET", "/api/v1/admin/processors/ledger/dead-letters")).isEqualTo(Role.PROJECTOR);
        assertThat(Routes.sideOf("GET", "/api/v1/admin/processorsx")).as("a prefix of a word is not a path")
                .isEqualTo(Role.QUERY);
    }

    @Test
    void api_keys_belong_to_the_stream_and_the_payout_account_to_commands() {
        assertThat(Routes.sideOf("POST", "/api/v1/admin/api-keys")).isEqualTo(Role.QUERY);
        assertThat(Routes.sideOf("DELETE", "/api/v1/admin/api-keys/7")).isEqualTo(Role.QUERY);
        assertThat(Routes.sideOf("GET", "/api/v1/payout-account")).isEqualTo(Role.COMMAND);
    }

    @Test
    void health_metrics_signing_keys_and_the_api_description_are_every_roles() {
        assertThat(Routes.sideOf("GET", "/actuator/health/readiness")).isNull();
        assertThat(Routes.sideOf("GET", "/actuator/prometheus")).isNull();
        assertThat(Routes.sideOf("GET", "/.well-known/jwks.json")).isNull();
        assertThat(Routes.sideOf("GET", "/v3/api-docs")).isNull();
        assertThat(Routes.sideOf("GET", "/swagger-ui/index.html")).isNull();
    }

}
