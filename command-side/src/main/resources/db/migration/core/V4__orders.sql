-- Deadlines of the order process (acceptance, completion), kept by db-scheduler through Axon's
-- DbSchedulerDeadlineManager so that they survive restarts and fire on exactly one instance.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Sellers' connected accounts at the payment provider, by seller (written with the events that record them).
CREATE TABLE payout_account (
    seller_id       UUID PRIMARY KEY,
    provider_id     TEXT        NOT NULL UNIQUE,
    payouts_enabled BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Provider webhook events already handled, so a repeat delivery is answered at once.
CREATE TABLE provider_webhook_event (
    event_id    TEXT PRIMARY KEY,
    type        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What the order payment process remembers between events of one order (written in the transaction that moves
-- its token, so a redelivered event finds exactly what the first delivery left).
CREATE TABLE order_payment_process (
    order_id          UUID PRIMARY KEY,
    listing_id        UUID    NOT NULL,
    quantity          INT     NOT NULL,
    seller_id         UUID    NOT NULL,
    total_minor       BIGINT  NOT NULL,
    currency          TEXT    NOT NULL,
    payment_intent_id TEXT,
    transfer_id       TEXT
);
