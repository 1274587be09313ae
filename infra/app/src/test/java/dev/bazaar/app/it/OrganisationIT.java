package dev.bazaar.app.it;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisations over HTTP: founding, inviting, joining, roles, and listings that belong to an organisation. */
class OrganisationIT extends IntegrationTest {

    @Test
    void a_team_lists_for_its_organisation_and_its_managers_change_those_listings() {
        var founder = aSeller();
        var member = aSeller();
        var outsider = aSeller();
        var created = founder.post("/api/v1/organisations", Map.of("name", "Acme Lamps"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID acme = created.id();

        assertThat(founder.post("/api/v1/organisations/" + acme + "/invitations",
                Map.of("userId", member.userId(), "role", "member")).status()).isEqualTo(200);
        assertThat(outsider.post("/api/v1/organisations/" + acme + "/invitations/accept").status())
                .as("only the invited user accepts").isEqualTo(403);
        var joined = member.post("/api/v1/organisations/" + acme + "/invitations/accept");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);

        var view = founder.get("/api/v1/organisations/" + acme + "?consistentWith=" + joined.position());
        assertThat(view.json().get("name").asText()).isEqualTo("Acme Lamps");
        assertThat(view.json().get("members").findValuesAsText("role")).containsExactlyInAnyOrder("owner", "member");
        assertThat(outsider.get("/api/v1/organisations/" + acme).status()).as("hidden from outsiders").isEqualTo(404);
        assertThat(member.get("/api/v1/organisations/mine").json().findValuesAsText("name")).contains("Acme Lamps");

        var listing = new java.util.HashMap<>(aListing(aCategory("Team lamps"), "Team lamp", 5000));
        listing.put("organisationId", acme);
        var listed = member.post("/api/v1/listings", listing);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(outsider.post("/api/v1/listings", listing).status()).as("not a member").isEqualTo(403);
        var byOrganisation = anonymous.get("/api/v1/listings?organisation=" + acme + "&consistentWith="
                + listed.position());
        assertThat(byOrganisation.json().get("items").findValuesAsText("organisationId")).containsExactly(
                acme.toString());

        String quantity = "/api/v1/listings/" + listed.id() + "/quantity";
        assertThat(founder.post(quantity, Map.of("quantity", 9)).status()).as("the owner manages it").isEqualTo(200);
        assertThat(outsider.post(quantity, Map.of("quantity", 1)).status()).isEqualTo(403);

        assertThat(founder.delete("/api/v1/organisations/" + acme + "/members/" + member.userId()).status())
                .isEqualTo(200);
        var leave = founder.delete("/api/v1/organisations/" + acme + "/members/" + founder.userId());
        assertThat(leave.status()).as("the last owner stays").isEqualTo(409);
        assertThat(leave.json().get("type").asText()).endsWith("/membership-conflict");
    }

}
