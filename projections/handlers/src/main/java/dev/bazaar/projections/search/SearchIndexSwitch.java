package dev.bazaar.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.readmodel.SearchIndex;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * A rebuild of the search projection writes a new index beside the live one; switching makes the live name an alias
 * of the new index and deletes the old one in one atomic alias update, so searches never see a half-built index.
 * Before its first rebuild the live name is an index of its own; afterwards it is an alias.
 */
@Component
public class SearchIndexSwitch {

    private final ElasticsearchClient client;

    private final SearchIndex live;

    SearchIndexSwitch(ElasticsearchClient client, SearchIndex live) {
        this.client = client;
        this.live = live;
    }

    /** A fresh name for an index built beside the live one; earlier twins that were never switched in are deleted. */
    public SearchIndex twin() {
        try {
            Set<String> serving = serving();
            for (String twin : client.indices().get(request -> request.index(live.name() + "-*")).result().keySet()) {
                if (!serving.contains(twin)) {
                    client.indices().delete(request -> request.index(twin));
                }
            }
            return new SearchIndex(live.name() + "-" + System.currentTimeMillis());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the twin searchable, then points the live name at it and deletes the index it pointed at, atomically. */
    public void switchTo(SearchIndex twin) {
        try {
            client.indices().refresh(request -> request.index(twin.name()));
            Set<String> serving = serving();
            client.indices().updateAliases(update -> {
                update.actions(action -> action.add(add -> add.index(twin.name()).alias(live.name())));
                serving.forEach(old -> update.actions(action -> action.removeIndex(remove -> remove.index(old))));
                return update;
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a twin that will not be switched in (its rebuild failed), unless the live name points at it already. */
    public void discard(SearchIndex twin) {
        try {
            if (client.indices().exists(request -> request.index(twin.name())).value()
                    && !serving().contains(twin.name())) {
                client.indices().delete(request -> request.index(twin.name()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index the live name resolves to (itself before the first switch), or none yet. */
    private Set<String> serving() throws IOException {
        if (!client.indices().exists(request -> request.index(live.name())).value()) {
            return Set.of();
        }
        return client.indices().get(request -> request.index(live.name())).result().keySet();
    }

}
