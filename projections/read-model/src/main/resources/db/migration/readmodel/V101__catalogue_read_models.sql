-- Read models of the catalogue. Each is rebuilt from the event store on demand, so none is the record of anything.

-- Listing detail, also serving "listings by seller / category / status" and the per-category counts through its
-- indexes (counted when the category tree is built, which is cached).
CREATE TABLE listing_detail (
    listing_id  UUID         NOT NULL,
    seller_id   UUID         NOT NULL,
    category_id UUID         NOT NULL,
    title       VARCHAR(140) NOT NULL,
    description TEXT,
    price_minor BIGINT       NOT NULL,
    currency    CHAR(3)      NOT NULL,
    quantity    INTEGER      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    attributes  JSONB        NOT NULL,
    image_urls  JSONB        NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT listing_detail_pkey PRIMARY KEY (listing_id)
);
CREATE INDEX listing_detail_by_seller ON listing_detail (seller_id, created_at, listing_id);
CREATE INDEX listing_detail_by_category ON listing_detail (category_id, status, created_at, listing_id);
CREATE INDEX listing_detail_by_status ON listing_detail (status, created_at, listing_id);

-- The category tree as browsers see it.
CREATE TABLE category_view (
    category_id UUID        NOT NULL,
    name        VARCHAR(80) NOT NULL,
    parent_id   UUID,
    active      BOOLEAN     NOT NULL,
    attributes  JSONB       NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT category_view_pkey PRIMARY KEY (category_id)
);

-- The search projection's own memory of each listing, so it can send whole documents to Elasticsearch
-- (external versioning needs whole documents, not partial updates).
CREATE TABLE search_listing_source (
    listing_id UUID    NOT NULL,
    document   JSONB   NOT NULL,
    published  BOOLEAN NOT NULL,
    version    BIGINT  NOT NULL,
    CONSTRAINT search_listing_source_pkey PRIMARY KEY (listing_id)
);
