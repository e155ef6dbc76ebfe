-- Settings an administrator changes while Raporto runs (help numbers, quick-exit target); where a setting has no row,
-- the configuration's value stands.
CREATE TABLE site_setting (
    name       text PRIMARY KEY CHECK (name ~ '^[a-z][a-z.-]{1,60}$'),
    value      text        NOT NULL CHECK (length(value) <= 500),
    updated_at timestamptz NOT NULL
);
