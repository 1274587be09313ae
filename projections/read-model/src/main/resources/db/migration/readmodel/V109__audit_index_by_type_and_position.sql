-- Searching the history by event type pages by position: with (event_type, occurred_at) alone, a common type
-- (half a million ListingPublished) was read whole and sorted for every page of 100 (8 s on 1M events).
CREATE INDEX audit_event_index_type_position ON audit_event_index (event_type, position);
