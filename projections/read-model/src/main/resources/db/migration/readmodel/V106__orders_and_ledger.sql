-- Orders as their parties and dashboards read them (projection order-read-model).
CREATE TABLE order_summary (
    order_id                UUID PRIMARY KEY,
    listing_id              UUID        NOT NULL,
    buyer_id                UUID        NOT NULL,
    seller_id               UUID        NOT NULL,
    status                  TEXT        NOT NULL,
    quantity                INT         NOT NULL,
    unit_price_minor        BIGINT      NOT NULL,
    shipping_minor          BIGINT      NOT NULL,
    total_minor             BIGINT      NOT NULL,
    currency                TEXT        NOT NULL,
    commission_basis_points INT         NOT NULL,
    captured_minor          BIGINT      NOT NULL DEFAULT 0,
    refunded_minor          BIGINT      NOT NULL DEFAULT 0,
    released_minor          BIGINT      NOT NULL DEFAULT 0,
    paid_out_minor          BIGINT      NOT NULL DEFAULT 0,
    disputed                BOOLEAN     NOT NULL DEFAULT FALSE,
    note                    TEXT,
    accept_by               TIMESTAMPTZ,
    complete_by             TIMESTAMPTZ,
    placed_at               TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL
);
CREATE INDEX order_summary_buyer_idx ON order_summary (buyer_id, placed_at DESC);
CREATE INDEX order_summary_seller_idx ON order_summary (seller_id, placed_at DESC);

-- The double-entry ledger (projection ledger): every money event posts lines that sum to zero.
-- amount_minor is signed: debit positive, credit negative.
CREATE TABLE ledger_entry (
    event_id     VARCHAR(64) NOT NULL,
    line         INT         NOT NULL,
    order_id     UUID        NOT NULL,
    seller_id    UUID        NOT NULL,
    account      VARCHAR(32) NOT NULL,
    kind         TEXT        NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, line)
);
CREATE INDEX ledger_entry_order_idx ON ledger_entry (order_id);
CREATE INDEX ledger_entry_seller_idx ON ledger_entry (seller_id, account);

-- Which seller and currency each order has, for the ledger's postings.
CREATE TABLE ledger_order (
    order_id  UUID PRIMARY KEY,
    seller_id UUID NOT NULL,
    currency  TEXT NOT NULL
);
