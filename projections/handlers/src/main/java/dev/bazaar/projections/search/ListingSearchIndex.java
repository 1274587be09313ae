package dev.bazaar.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.bazaar.readmodel.SearchIndex;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Creates the listings index with its strict mapping before anything is written to it. */
@Component
class ListingSearchIndex {

    private final ElasticsearchClient client;

    private final SearchIndex index;

    private volatile boolean known;

    ListingSearchIndex(ElasticsearchClient client, SearchIndex index) {
        this.client = client;
        this.index = index;
    }

    String name() {
        return index.name();
    }

    void ensureExists() throws IOException {
        if (known) {
            return;
        }
        if (!client.indices().exists(request -> request.index(index.name())).value()) {
            try (InputStream mapping = getClass().getResourceAsStream("/search/listings-index.json")) {
                client.indices().create(request -> request.index(index.name()).withJson(mapping));
            }
            catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        known = true;
    }

    /** Deletes the index, or, where its name is an alias (after a rebuild beside), the index behind it. */
    void drop() {
        try {
            if (client.indices().exists(request -> request.index(index.name())).value()) {
                for (String concrete : client.indices().get(request -> request.index(index.name())).result().keySet()) {
                    client.indices().delete(request -> request.index(concrete));
                }
            }
            known = false;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
