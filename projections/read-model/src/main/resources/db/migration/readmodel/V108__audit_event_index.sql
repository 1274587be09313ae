-- What auditors search the history by, one row per chained event (kept by EventChain in the same transaction as the
-- chain): who acted, which request caused it, what kind of event, when.
CREATE TABLE audit_event_index (
    position       BIGINT PRIMARY KEY,
    aggregate_type VARCHAR(255),
    aggregate_id   VARCHAR(255) NOT NULL,
    event_type     VARCHAR(255) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor_id       VARCHAR(64),
    correlation_id VARCHAR(64)
);

CREATE INDEX audit_event_index_correlation ON audit_event_index (correlation_id, position);
CREATE INDEX audit_event_index_actor ON audit_event_index (actor_id, position);
CREATE INDEX audit_event_index_type_time ON audit_event_index (event_type, occurred_at);
CREATE INDEX audit_event_index_time ON audit_event_index (occurred_at);

-- events chained before this table existed
/* [jooq ignore start] */
INSERT INTO audit_event_index (position, aggregate_type, aggregate_id, event_type, occurred_at, actor_id,
                               correlation_id)
SELECT e.global_index,
       e.type,
       e.aggregate_identifier,
       substring(e.payload_type FROM '[^.]+$'),
       e.time_stamp::timestamptz,
       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actorId',
       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId'
FROM domain_event_entry e
         JOIN audit_chain c ON c.position = e.global_index;
/* [jooq ignore stop] */
