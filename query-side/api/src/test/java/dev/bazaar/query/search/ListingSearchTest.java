package dev.bazaar.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query the search API sends to Elasticsearch, as Elasticsearch reads it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingSearchTest {

    @Test
    void words_match_title_and_description_forgiving_typos_with_the_title_weighing_more() throws Exception {
        JsonNode bool = json(ListingSearch.queryFor("brass lamp", null, null, null)).get("bool");

        JsonNode match = bool.get("must").get(0).get("multi_match");
        assertThat(match.get("query").asText()).isEqualTo("brass lamp");
        assertThat(match.get("fuzziness").asText()).isEqualTo("AUTO");
        assertThat(match.get("fields")).extracting(JsonNode::asText).containsExactly("title^3", "description");
        assertThat(bool.has("filter")).isFalse();
    }

    @Test
    void category_and_price_filter_without_changing_the_score() throws Exception {
        UUID category = UUID.randomUUID();

        JsonNode bool = json(ListingSearch.queryFor(null, category, 1000L, 5000L)).get("bool");

        assertThat(bool.has("must")).as("no words: every listing the filters let through").isFalse();
        assertThat(bool.get("filter").get(0).get("term").get("categoryId").get("value").asText())
                .isEqualTo(category.toString());
        JsonNode price = bool.get("filter").get(1).get("range").get("priceMinor");
        assertThat(price.get("gte").asLong()).isEqualTo(1000);
        assertThat(price.get("lte").asLong()).isEqualTo(5000);
    }

    @Test
    void an_open_ended_price_range_bounds_one_side_only_and_blank_words_are_no_words() throws Exception {
        JsonNode bool = json(ListingSearch.queryFor("  ", null, null, 2000L)).get("bool");

        assertThat(bool.has("must")).isFalse();
        JsonNode price = bool.get("filter").get(0).get("range").get("priceMinor");
        assertThat(price.has("gte")).isFalse();
        assertThat(price.get("lte").asLong()).isEqualTo(2000);
    }

    private static JsonNode json(Query query) throws Exception {
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(query, new JacksonJsonpMapper()));
    }

}
