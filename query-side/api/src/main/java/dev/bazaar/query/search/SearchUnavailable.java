package dev.bazaar.query.search;

import dev.bazaar.kernel.problem.Refusal;

/** Elasticsearch cannot be reached: a passing outage on our side, worth a retry, not a bug. */
class SearchUnavailable extends Refusal {

    SearchUnavailable() {
        super("search-unavailable", 503,
                "Search is unavailable right now; listings can still be read by id and listed.");
    }

    @Override
    public long retryAfterSeconds() {
        return 5;
    }

}
