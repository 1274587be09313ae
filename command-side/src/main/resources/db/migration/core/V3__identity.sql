-- Email addresses claimed by accounts, by keyed index (never the address itself). Written in the transaction
-- that appends the registration: the primary key makes concurrent registrations of one address have one winner.
CREATE TABLE email_claim (
    email_index VARCHAR(64) NOT NULL,
    user_id     UUID        NOT NULL,
    CONSTRAINT email_claim_pkey PRIMARY KEY (email_index)
);
CREATE UNIQUE INDEX email_claim_user ON email_claim (user_id);

-- Accounts as login and token checks need them; kept by a subscribing processor from the user events.
CREATE TABLE account (
    user_id            UUID         NOT NULL,
    role               VARCHAR(16)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    email_index        VARCHAR(64),
    password_hash      VARCHAR(255),
    email_verified     BOOLEAN      NOT NULL DEFAULT false,
    -- counts the events that end every session (password change, suspension, reinstatement, forgetting);
    -- tokens carry the count they were issued under and die when it moves on
    session_generation INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT account_pkey PRIMARY KEY (user_id)
);
CREATE UNIQUE INDEX account_email_index ON account (email_index);

-- Each user's data key (a Tink AES-256-GCM keyset), encrypted under the master key. Deleting the row is
-- crypto-shredding: everything sealed under it becomes unreadable.
CREATE TABLE user_data_key (
    user_id    UUID        NOT NULL,
    keyset     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_data_key_pkey PRIMARY KEY (user_id)
);

-- Mailed single-use secrets, by SHA-256.
CREATE TABLE one_time_token (
    token_hash VARCHAR(64) NOT NULL,
    user_id    UUID        NOT NULL,
    purpose    VARCHAR(32) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT one_time_token_pkey PRIMARY KEY (token_hash)
);

-- Refresh tokens, by SHA-256. A family is one login: each refresh uses one token up and adds the next;
-- showing a used token again revokes the whole family.
CREATE TABLE refresh_token (
    token_hash        VARCHAR(64) NOT NULL,
    family_id         UUID        NOT NULL,
    user_id           UUID        NOT NULL,
    session_generation INTEGER    NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    used_at           TIMESTAMPTZ,
    revoked_at        TIMESTAMPTZ,
    CONSTRAINT refresh_token_pkey PRIMARY KEY (token_hash)
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Keys that sign access tokens (ES256). The private key is encrypted under the master key; a retired key stays
-- published until the tokens it signed have expired.
CREATE TABLE signing_key (
    kid         VARCHAR(64) NOT NULL,
    private_jwk BYTEA       NOT NULL,
    public_jwk  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at  TIMESTAMPTZ,
    CONSTRAINT signing_key_pkey PRIMARY KEY (kid)
);

-- Who is a member of which organisation, for rules outside the organisation (who may change its listings).
-- Kept by a subscribing processor from the organisation events.
CREATE TABLE organisation_member (
    organisation_id UUID        NOT NULL,
    user_id         UUID        NOT NULL,
    role            VARCHAR(16) NOT NULL,
    CONSTRAINT organisation_member_pkey PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_member_user ON organisation_member (user_id);
