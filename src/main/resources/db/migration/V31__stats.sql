-- The statistics module's own projection: one narrow row per report and per referral, with nothing a person wrote,
-- no contact, no address and no reference — only codes, flags and times. Kept up to date from the other modules'
-- events and rebuilt from their tables (stats.Projection); figures and dashboards read only these tables.
CREATE TABLE stats_report (
    report_id         uuid        PRIMARY KEY,
    received_at       timestamptz NOT NULL,
    category_code     text        NOT NULL,
    channel           text        NOT NULL,
    reporter_role     text        NOT NULL,
    age_band          text        NOT NULL,
    platforms         text[]      NOT NULL DEFAULT '{}',
    -- The most serious outcome among the report's items; NULL until one is classified.
    outcome           text,
    -- Child sexual abuse material: by category, by the need-to-know flag of the case or by an item's outcome.
    csam              boolean     NOT NULL,
    case_status       text        NOT NULL,
    -- Hosting countries and networks of the items assessed as illegal (baseline CSAM or nationally illegal).
    illegal_countries text[]      NOT NULL DEFAULT '{}',
    illegal_networks  text[]      NOT NULL DEFAULT '{}',
    first_look_at     timestamptz,
    assessed_at       timestamptz,
    referred_at       timestamptz,
    -- When the last watched address of the report went offline; NULL while any is still watched.
    removed_at        timestamptz,
    closed_at         timestamptz,
    first_look_due    timestamptz,
    assessment_due    timestamptz,
    monitoring        boolean     NOT NULL DEFAULT false,
    refreshed_at      timestamptz NOT NULL
);

-- Every figure is over a period of receipt: one range scan of this index.
CREATE INDEX stats_report_received ON stats_report (received_at);
CREATE INDEX stats_report_open ON stats_report (case_status) WHERE case_status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED');
CREATE INDEX stats_report_monitoring ON stats_report (report_id) WHERE monitoring;

CREATE TABLE stats_referral (
    referral_id  uuid        PRIMARY KEY,
    report_id    uuid        NOT NULL,
    agency_id    text        NOT NULL,
    agency_kind  text        NOT NULL,
    status       text        NOT NULL,
    csam         boolean     NOT NULL,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    refreshed_at timestamptz NOT NULL
);

CREATE INDEX stats_referral_created ON stats_referral (created_at);
CREATE INDEX stats_referral_report ON stats_referral (report_id);
