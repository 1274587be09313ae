-- The instances that run tracking event processors, each beating every few seconds with the names of the processors
-- it runs: instances running the same processors share their segments fairly (SegmentBalancer). An instance that
-- holds no segment yet is seen here, where token_entry would not show it.
CREATE TABLE processor_instance (
    owner      VARCHAR(255) PRIMARY KEY,
    processors TEXT         NOT NULL,
    seen_at    TIMESTAMPTZ  NOT NULL
);
