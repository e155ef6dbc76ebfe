-- Staff and partner accounts. Accounts that acted are never deleted, only disabled: the audit log keeps their name.
CREATE TABLE identity_account (
    id                   uuid PRIMARY KEY,
    email                text        NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    language             text        NOT NULL CHECK (language IN ('sq', 'en')),
    roles                text[]      NOT NULL CHECK (cardinality(roles) > 0
                                         AND roles <@ ARRAY['ADMIN', 'SUPERVISOR', 'ANALYST', 'EDITOR', 'PARTNER']),
    -- The agency a partner acts for (the referral module's directory will hold it).
    agency               text,
    csam_clearance       boolean     NOT NULL DEFAULT false,
    -- Argon2id; null until the invitation is accepted.
    password_hash        text,
    -- The TOTP secret, sealed with the account's own data key; confirmed once the first code from the app was right.
    data_key             bytea,
    totp_secret          bytea,
    totp_confirmed_at    timestamptz,
    -- The last time step a code was used in: no code of that step or an earlier one is taken again.
    totp_last_step       bigint      NOT NULL DEFAULT 0,
    enabled              boolean     NOT NULL DEFAULT true,
    -- Sessions signed in before this moment are ended (sign-out everywhere, a new password).
    sessions_valid_after timestamptz NOT NULL,
    demo                 boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    CHECK (NOT ('PARTNER' = ANY (roles)) OR (roles = ARRAY['PARTNER'] AND agency IS NOT NULL))
);

-- One-time recovery codes, as keyed hashes; a used one stays, marked, so that it cannot be used again.
CREATE TABLE identity_recovery_code (
    account_id uuid    NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    code_hash  bytea   NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);

-- Links sent or shown once: the first-run setup, invitations, password resets. Only their keyed hash is kept.
CREATE TABLE identity_token (
    token_hash bytea PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('SETUP', 'INVITATION', 'RESET')),
    account_id uuid REFERENCES identity_account (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK ((kind = 'SETUP') = (account_id IS NULL))
);

-- Failed sign-ins per keyed hash of the e-mail typed, known account or not, so that throttling answers the same
-- for both and tells no one which addresses have accounts.
CREATE TABLE identity_throttle (
    key_hash        bytea PRIMARY KEY,
    failures        integer     NOT NULL,
    next_attempt_at timestamptz NOT NULL
);
