package dev.bazaar.app.it;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The history auditors read: one aggregate in sequence, and searches by request, actor, type and time. */
class AuditHistoryIT extends IntegrationTest {

    @Test
    void an_aggregates_history_comes_in_sequence_with_positions_actors_and_chain_digests() {
        var seller = aSeller();
        var created = seller.post("/api/v1/listings", aListing(aCategory("Audited"), "Audited lamp", 1999));
        var published = seller.post("/api/v1/listings/" + created.id() + "/publish");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        awaitChainedThrough(published.position());

        var history = aUser("auditor").get("/api/v1/audit/aggregates/listing/" + created.id() + "/events");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        var events = history.json().get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("ListingDrafted", "ListingPublished");
        assertThat(events.findValues("sequence").stream().map(sequence -> sequence.asLong()).toList())
                .containsExactly(0L, 1L);
        assertThat(events.get(0).get("position").asLong()).isEqualTo(created.position());
        assertThat(events.get(1).get("position").asLong()).isEqualTo(published.position());
        assertThat(events.findValuesAsText("actorId")).containsOnly(seller.userId().toString());
        assertThat(events.get(0).get("correlationId").asText()).isNotEqualTo(events.get(1).get("correlationId")
                .asText());
        assertThat(events.get(1).get("digest").asText()).hasSize(64);
    }

    @Test
    void admins_see_a_users_personal_data_opened_auditors_see_it_left_out_and_nobody_sees_the_password_hash() {
        String email = anAccount("buyer");
        var buyer = logIn(Api.at(port), email, PASSWORD);
        String path = "/api/v1/audit/aggregates/user/" + buyer.userId() + "/events";

        var asAdmin = admin.get(path).json().get("events").get(0).get("payload");
        var asAuditor = aUser("auditor").get(path).json().get("events").get(0).get("payload");

        assertThat(asAdmin.get("email").asText()).isEqualTo(email);
        assertThat(asAdmin.get("passwordHash").asText()).isEqualTo("[secret]");
        assertThat(asAuditor.get("email").asText()).isEqualTo("[personal data]");
        assertThat(asAuditor.get("displayName").asText()).isEqualTo("[personal data]");

        assertThat(buyer.post("/api/v1/users/" + buyer.userId() + "/forget").status()).isBetween(200, 204);
        assertThat(admin.get(path).json().get("events").get(0).get("payload").get("email").asText())
                .isEqualTo("[redacted]");
    }

    @Test
    void the_history_is_searched_by_request_by_actor_by_type_and_by_time() {
        Instant before = Instant.now().minusSeconds(1);
        var seller = aSeller();
        String correlation = UUID.randomUUID().toString();
        var created = seller.post("/api/v1/listings", aListing(aCategory("Searched"), "Searched lamp", 999),
                java.util.Map.of("X-Correlation-Id", correlation));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        seller.post("/api/v1/listings/" + created.id() + "/publish");
        awaitChainedThrough(storedHead());
        var auditor = aUser("auditor");

        var byRequest = auditor.get("/api/v1/audit/events?correlationId=" + correlation).json().get("events");
        var byActor = auditor.get("/api/v1/audit/events?actorId=" + seller.userId()).json().get("events");
        var byTypeAndTime = auditor.get("/api/v1/audit/events?type=ListingPublished&from=" + before + "&limit=1000")
                .json().get("events");
        var beforeAnything = auditor.get("/api/v1/audit/events?actorId=" + seller.userId() + "&to=" + before)
                .json().get("events");

        assertThat(byRequest.findValuesAsText("type")).containsExactly("ListingDrafted");
        assertThat(byRequest.findValuesAsText("aggregateId")).containsExactly(created.id().toString());
        assertThat(byActor.findValuesAsText("type")).contains("UserRegistered")
                .containsSubsequence("ListingDrafted", "ListingPublished");
        assertThat(byActor.findValuesAsText("actorId")).containsOnly(seller.userId().toString());
        assertThat(byTypeAndTime.findValuesAsText("aggregateId")).contains(created.id().toString());
        assertThat(byTypeAndTime.findValuesAsText("type")).containsOnly("ListingPublished");
        assertThat(beforeAnything).isEmpty();
    }

    @Test
    void an_aggregate_without_history_is_not_found() {
        var missing = aUser("auditor").get("/api/v1/audit/aggregates/order/" + UUID.randomUUID() + "/events");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

}
