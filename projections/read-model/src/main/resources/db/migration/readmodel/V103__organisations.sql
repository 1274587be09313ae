-- Organisations and their members (and pending invitations) as the API shows them.
CREATE TABLE organisation_view (
    organisation_id UUID         NOT NULL,
    name            VARCHAR(120) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT organisation_view_pkey PRIMARY KEY (organisation_id)
);

CREATE TABLE organisation_member_view (
    organisation_id UUID        NOT NULL,
    user_id         UUID        NOT NULL,
    role            VARCHAR(16) NOT NULL,
    -- INVITED until the user accepts, then MEMBER
    status          VARCHAR(16) NOT NULL,
    CONSTRAINT organisation_member_view_pkey PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_member_view_user ON organisation_member_view (user_id);
