-- API keys for analytics consumers of the event stream, each scoped to event types (docs/event-stream.md).
-- Only a SHA-256 of the key's secret is kept; the key itself is shown once, when it is made.
CREATE TABLE api_key (
    key_id      UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    secret_hash BYTEA        NOT NULL,
    event_types TEXT[]       NOT NULL,
    created_by  UUID         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ,
    CONSTRAINT api_key_pkey PRIMARY KEY (key_id)
);
