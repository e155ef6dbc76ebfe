-- Reports as submitted. Everything the reporter wrote is sealed with the report's own data key (data_key, wrapped
-- by the master key outside the database); deleting data_key erases it everywhere. The receipt is kept only as a
-- keyed hash. No address or browser of the reporter is stored anywhere.
CREATE SEQUENCE intake_report_number;

CREATE TABLE intake_report (
    id               uuid PRIMARY KEY,
    reference        text        NOT NULL UNIQUE CHECK (reference ~ '^R-[0-9]{4}-[0-9]{6,}$'),
    channel          text        NOT NULL CHECK (channel IN ('WEB', 'APP', 'PARTNER', 'STAFF')),
    category_code    text        NOT NULL REFERENCES intake_category (code),
    language         text        NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    priority         text        NOT NULL CHECK (priority IN ('URGENT', 'HIGH', 'NORMAL', 'LOW')),
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_REVIEW', 'ACTION_TAKEN', 'CLOSED')),
    reporter_role    text        NOT NULL,
    child_age_band   text        NOT NULL,
    happened         text        NOT NULL,
    data_key         bytea,
    description      bytea,
    contact          bytea,
    receipt_hash     bytea       NOT NULL UNIQUE,
    -- One form submitted twice (a double click, a reload) is one report.
    submission_token uuid        NOT NULL UNIQUE,
    submitted_at     timestamptz NOT NULL
);

CREATE INDEX intake_report_submitted_at ON intake_report (submitted_at);

CREATE TABLE intake_report_item (
    report_id     uuid    NOT NULL REFERENCES intake_report (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    kind          text    NOT NULL CHECK (kind IN ('URL', 'ACCOUNT')),
    -- The canonical address is what the hotline traces and matches against earlier reports; what the reporter
    -- typed, and account names, are sealed like the rest.
    canonical_url text CHECK (length(canonical_url) <= 2048),
    original      bytea,
    platform      text,
    account       bytea,
    PRIMARY KEY (report_id, position),
    CHECK ((kind = 'URL' AND canonical_url IS NOT NULL) OR (kind = 'ACCOUNT' AND platform IS NOT NULL))
);

CREATE INDEX intake_report_item_url ON intake_report_item (canonical_url) WHERE canonical_url IS NOT NULL;
