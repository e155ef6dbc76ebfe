-- What the keys outside the database made when the database was first used with them: at every start Raporto checks
-- that its keys still match, and refuses to run with keys that would leave what is stored unreadable or unfindable.
CREATE TABLE crypto_key_check (
    name       text PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
