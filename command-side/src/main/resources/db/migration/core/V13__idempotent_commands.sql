-- A claim on an Idempotency-Key is a lease: a request whose process died leaves its claim behind, and a retry may take
-- it over once the lease has run out (ADR 0021). That is safe because of the table below.
ALTER TABLE idempotency_record ADD COLUMN claimed_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Every command a keyed request sent, written in the command's own transaction, beside its events: a command whose
-- row exists was executed, and its answer is here; sent again by a retry of the request, it is not executed again.
CREATE TABLE idempotency_command (
    actor_id        VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    command_index   INTEGER      NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    version         BIGINT,
    position        BIGINT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_command_pkey PRIMARY KEY (actor_id, idempotency_key, command_index)
);
CREATE INDEX idempotency_command_created_at ON idempotency_command (created_at);
