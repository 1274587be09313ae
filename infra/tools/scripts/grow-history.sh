#!/usr/bin/env bash
# Grows the event store to at least TARGET events for the replay benchmark (docs/benchmarks.md), by cloning listing
# histories that only hold ListingDrafted and ListingPublished (what `bench --scenario write` stores) under new listing
# ids: same payloads, metadata and timestamps, with the listing id replaced. Each batch commits on its own.
# Stop the backend first (./bazaar stop) and start it again afterwards: a million events appearing at once while its
# processors follow the head fill its heap with Axon's shared tail of the event stream (seen with -Xmx1g).
# Usage: infra/tools/scripts/grow-history.sh 1000000 [database]
set -euo pipefail
target="${1:?usage: grow-history.sh TARGET [database]}"
db="${2:-bazaar}"
psql -h 127.0.0.1 -U bazaar -d "$db" -v ON_ERROR_STOP=1 -q <<SQL
CREATE TEMP TABLE clone_source AS
    SELECT aggregate_identifier AS id FROM domain_event_entry WHERE type = 'Listing'
    GROUP BY aggregate_identifier
    HAVING bool_and(payload_type IN ('dev.bazaar.kernel.listing.ListingDrafted',
                                     'dev.bazaar.kernel.listing.ListingPublished'));
DO \$\$
DECLARE
    stored bigint;
BEGIN
    IF (SELECT count(*) FROM clone_source) = 0 THEN
        RAISE EXCEPTION 'no listing history to clone: run ./bazaar bench --scenario write first';
    END IF;
    LOOP
        SELECT count(*) INTO stored FROM domain_event_entry;
        RAISE NOTICE '% events stored', stored;
        EXIT WHEN stored >= $target;
        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                        payload, payload_revision, payload_type, time_stamp)
        SELECT m.new_id, e.sequence_number, e.type, gen_random_uuid()::text, e.meta_data,
               convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, m.new_id), 'UTF8'),
               e.payload_revision, e.payload_type, e.time_stamp
        FROM (SELECT id, gen_random_uuid()::text AS new_id FROM clone_source
              LIMIT least(25000, ($target - stored + 1) / 2 + 1)) m
        JOIN domain_event_entry e ON e.aggregate_identifier = m.id
        ORDER BY m.new_id, e.sequence_number;
        COMMIT;
    END LOOP;
END
\$\$;
SQL
