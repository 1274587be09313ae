-- What the command side must know about categories to decide on listings (existence, state, attribute rules).
-- Written by a subscribing handler in the same transaction as the category's events, so it is never behind them.
CREATE TABLE category_directory (
    category_id UUID    NOT NULL,
    parent_id   UUID,
    active      BOOLEAN NOT NULL,
    attributes  JSONB   NOT NULL,
    CONSTRAINT category_directory_pkey PRIMARY KEY (category_id)
);

-- First answers to POSTs that carried an Idempotency-Key, so that a retry gets the same answer and causes nothing.
CREATE TABLE idempotency_record (
    actor_id       VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(255),
    body           BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_record_pkey PRIMARY KEY (actor_id, idempotency_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
