package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Analytics pipelines read the stream with API keys that admins make for some event types, and revoke. */
class ApiKeysIT extends IntegrationTest {

    @Test
    void a_key_reads_only_its_event_types_until_it_is_revoked() {
        var seller = aSeller();
        var listing = seller.post("/api/v1/listings", aListing(aCategory("Keyed"), "Keyed lamp", 700));
        seller.post("/api/v1/listings/" + listing.id() + "/publish");
        awaitChainedThrough(storedHead());
        var issued = admin.post("/api/v1/admin/api-keys", Map.of("name", "warehouse loader",
                "eventTypes", List.of("ListingPublished", "CategoryCreated")));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.json().get("key").asText();
        Api pipeline = Api.at(port).with("X-Api-Key", key);

        JsonNode everything = pipeline.get("/api/v1/events?limit=10000").json().get("events");
        var oneType = pipeline.get("/api/v1/events?types=ListingPublished&limit=10000");
        var anotherType = pipeline.get("/api/v1/events?types=ListingPublished,ListingDrafted");
        var ndjson = pipeline.get("/api/v1/events?format=ndjson&limit=10000");

        assertThat(typesOf(everything)).contains("ListingPublished", "CategoryCreated")
                .containsOnly("ListingPublished", "CategoryCreated");
        assertThat(everything.findValuesAsText("aggregateId")).contains(listing.id().toString());
        assertThat(typesOf(oneType.json().get("events"))).containsOnly("ListingPublished");
        assertThat(anotherType.status()).isEqualTo(403);
        assertThat(anotherType.json().get("detail").asText()).contains("ListingDrafted");
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.body()).contains("\"ListingPublished\"").doesNotContain("\"ListingDrafted\"");
        assertThat(pipeline.get("/api/v1/events/types").status()).isEqualTo(200);

        var listed = admin.get("/api/v1/admin/api-keys").json();
        assertThat(listed.toString()).contains("warehouse loader").doesNotContain(key.substring(37));

        assertThat(admin.delete("/api/v1/admin/api-keys/" + issued.json().get("id").asText()).status())
                .isEqualTo(204);
        var revoked = pipeline.get("/api/v1/events?limit=1");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
    }

    private static List<String> typesOf(JsonNode events) {
        return java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .map(event -> event.get("type").asText()).toList();
    }

    @Test
    void a_key_opens_nothing_but_the_stream_and_a_wrong_one_opens_nothing() {
        String key = admin.post("/api/v1/admin/api-keys", Map.of("name", "narrow", "eventTypes",
                List.of("OrderPlaced"))).json().get("key").asText();
        String forged = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(Api.at(port).with("X-Api-Key", key).get("/api/v1/audit/chain").status()).isEqualTo(401);
        assertThat(Api.at(port).with("X-Api-Key", key).get("/api/v1/orders?as=buyer").status()).isEqualTo(401);
        assertThat(Api.at(port).with("X-Api-Key", forged).get("/api/v1/events").status()).isEqualTo(401);
        assertThat(Api.at(port).with("X-Api-Key", "bzk_nonsense").get("/api/v1/events").status()).isEqualTo(401);
        assertThat(aUser("seller").post("/api/v1/admin/api-keys", Map.of("name", "mine", "eventTypes",
                List.of("OrderPlaced"))).status()).isEqualTo(403);
    }

}
