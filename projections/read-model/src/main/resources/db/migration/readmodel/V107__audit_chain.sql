-- The tamper-evidence chain over the global event sequence (dev.bazaar.projections.audit.EventChain).
-- One row per position, in order, with no holes: digest(p) = SHA-256(digest(p - 1) || canonical bytes of event p).
-- A position that no committed transaction will ever fill (a rolled-back insert consumed its sequence value) is a
-- row with event_identifier NULL, its digest taken over the gap's own canonical bytes.
CREATE TABLE audit_chain (
    position         BIGINT PRIMARY KEY,
    digest           BYTEA  NOT NULL,
    event_identifier VARCHAR(255)
);

-- Every N positions the digest is signed (Ed25519): rewriting events and chain rows together still breaks these.
CREATE TABLE audit_checkpoint (
    position  BIGINT PRIMARY KEY REFERENCES audit_chain (position),
    digest    BYTEA       NOT NULL,
    signature BYTEA       NOT NULL,
    key_id    VARCHAR(64) NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL
);
