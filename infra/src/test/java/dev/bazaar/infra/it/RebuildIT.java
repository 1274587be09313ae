package dev.bazaar.infra.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.bazaar.projections.schema.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection rebuilt from the event store ends exactly where the live one was. */
class RebuildIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndex index;

    @Test
    void rebuilding_the_read_model_and_the_search_index_gives_the_same_answers() throws Exception {
        var seller = aSeller();
        var sellerId = seller.userId();
        var category = aCategory("Rebuilt");
        String word = "okapi" + UUID.randomUUID().toString().substring(0, 6);
        long last = 0;
        for (int i = 0; i < 6; i++) {
            var created = seller.post("/api/v1/listings", aListing(category, "Lamp " + word + " " + i, 1000 + i));
            var id = created.id();
            last = Math.max(last, created.position());
            if (i % 2 == 0) {
                last = Math.max(last, seller.post("/api/v1/listings/" + id + "/publish").position());
            }
            if (i == 4) {
                last = Math.max(last, seller.post("/api/v1/listings/" + id + "/price",
                        Map.of("price", Map.of("amountMinor", 777, "currency", "EUR"))).position());
            }
        }
        String listings = "/api/v1/listings?seller=" + sellerId + "&consistentWith=" + last;
        String search = "/api/v1/search/listings?q=" + word + "&category=" + category + "&consistentWith=" + last;
        String before = anonymous.get(listings).body();
        String searchBefore = anonymous.get(search).body();
        String countsBefore = anonymous.get("/api/v1/listings?category=" + category + "&status=PUBLISHED").body();
        assertThat(anonymous.get(search).json().get("total").asLong()).isEqualTo(3);

        // damage both read models, so that equal answers afterwards prove a rebuild rather than a no-op
        var damaged = anonymous.get(search).json().get("items").get(0).get("listingId").asText();
        jdbc.update("DELETE FROM listing_detail WHERE seller_id = ?", sellerId);
        elasticsearch.delete(delete -> delete.index(index.name()).id(damaged).refresh(Refresh.True));
        assertThat(anonymous.get(listings).json().get("total").asLong()).isZero();
        assertThat(anonymous.get(search).json().get("total").asLong()).isEqualTo(2);

        rebuild("listing-read-model");
        rebuild("listing-search");

        assertThat(anonymous.get(listings).body()).isEqualTo(before);
        assertThat(anonymous.get(search).body()).isEqualTo(searchBefore);
        assertThat(anonymous.get("/api/v1/listings?category=" + category + "&status=PUBLISHED").body())
                .isEqualTo(countsBefore);
    }

    @Test
    void the_admin_endpoint_lists_every_projection_with_its_position() {
        var projections = admin.get("/api/v1/admin/projections");
        assertThat(projections.status()).isEqualTo(200);
        assertThat(projections.json().findValuesAsText("name"))
                .containsExactlyInAnyOrder("listing-read-model", "category-read-model", "listing-search",
                        "listing-cache", "user-profile", "organisation-read-model", "order-read-model", "ledger");
        assertThat(admin.post("/api/v1/admin/projections/no-such-thing/rebuild").status()).isEqualTo(404);
    }

}
