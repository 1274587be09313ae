-- Listings that belong to an organisation, and finding them by organisation.
ALTER TABLE listing_detail ADD COLUMN organisation_id UUID;
CREATE INDEX listing_detail_by_organisation ON listing_detail (organisation_id, created_at, listing_id);
