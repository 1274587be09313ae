-- Users as the API shows them. Personal data stays sealed here too (under the user's own key) and is opened
-- when read, so a destroyed key redacts this table without any rewrite, and a rebuild cannot bring it back.
CREATE TABLE user_profile (
    user_id        UUID         NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    email          TEXT,
    display_name   TEXT,
    email_verified BOOLEAN      NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT user_profile_pkey PRIMARY KEY (user_id)
);
