package dev.bazaar.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.bazaar.readmodel.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Full-text search over published listings in Elasticsearch, with category and price filters. */
@Component
class ListingSearch {

    private static final Logger log = LoggerFactory.getLogger(ListingSearch.class);

    private final ElasticsearchClient client;

    private final SearchIndex index;

    ListingSearch(ElasticsearchClient client, SearchIndex index) {
        this.client = client;
        this.index = index;
    }

    SearchResults search(String text, UUID categoryId, Long minPrice, Long maxPrice, int page, int size) {
        Query query = queryFor(text, categoryId, minPrice, maxPrice);
        try {
            SearchResponse<ListingHit> response = client.search(search -> search.index(index.name())
                    .query(query)
                    // ties in score are broken by id, so pages are stable and a rebuilt index answers the same
                    .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                    .sort(sort -> sort.field(field -> field.field(SearchIndex.LISTING_ID).order(SortOrder.Asc)))
                    .from(page * size)
                    .size(size)
                    .trackTotalHits(track -> track.enabled(true)), ListingHit.class);
            List<ListingHit> hits = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new SearchResults(hits, page, size, total);
        }
        catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return new SearchResults(List.of(), page, size, 0); // nothing published yet
            }
            throw e;
        }
        catch (IOException e) {
            log.warn("Elasticsearch did not answer a search: {}", e.toString());
            throw new SearchUnavailable();
        }
    }

    /**
     * Published listings matching the words (title counts three times the description, and a typo or two is
     * forgiven), in the category, within the price range; each filter only when given. Without words, every
     * listing the filters let through, scored alike.
     */
    static Query queryFor(String text, UUID categoryId, Long minPrice, Long maxPrice) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (text != null && !text.isBlank()) {
            bool.must(must -> must.multiMatch(match -> match.query(text)
                    .fields(SearchIndex.TITLE + "^3", SearchIndex.DESCRIPTION)
                    .fuzziness("AUTO")));
        }
        if (categoryId != null) {
            bool.filter(filter -> filter.term(term -> term.field(SearchIndex.CATEGORY_ID)
                    .value(categoryId.toString())));
        }
        if (minPrice != null || maxPrice != null) {
            bool.filter(filter -> filter.range(range -> range.untyped(price -> {
                price.field(SearchIndex.PRICE_MINOR);
                if (minPrice != null) {
                    price.gte(JsonData.of(minPrice));
                }
                if (maxPrice != null) {
                    price.lte(JsonData.of(maxPrice));
                }
                return price;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

}
