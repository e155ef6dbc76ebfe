-- Counts of the statistics projection per day and per month of receipt, kept by triggers on stats_report, so that a
-- dashboard over a year sums a few thousand counts instead of reading a third of a million reports (decision 0010).
-- Each report counts once under each of its facts: TOTAL; its category, channel, role, age band and outcome; each
-- platform, hosting country and network; the bucket of each of its four times (FIRST_LOOK_TIME…, for the
-- percentiles: stats_duration_bucket); the deadlines it met (MET); how soon its content was removed (REMOVED_WITHIN);
-- and, while it waits for a first look or an assessment, the day that deadline passes (…_PENDING), since whether a
-- deadline has passed depends on when one asks. Referrals are counted the same way (stats_referral_count).
CREATE TABLE stats_count (
    -- 'D': the day `day`; 'M': the month that starts on `day`.
    grain     char(1) NOT NULL CHECK (grain IN ('D', 'M')),
    day       date    NOT NULL,
    csam      boolean NOT NULL,
    dimension text    NOT NULL,
    key       text    NOT NULL,
    reports   bigint  NOT NULL,
    PRIMARY KEY (grain, day, dimension, csam, key)
);

-- Days are days in the hotline's time zone, which is configuration: the application writes it here at start and
-- counts everything again when it differs (stats.Counts). Without a row the triggers count nothing yet.
CREATE TABLE stats_count_zone (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    zone     text    NOT NULL
);

-- The seconds from one time to a later one, as percentile_cont saw them before these counts existed.
CREATE FUNCTION stats_seconds(later timestamptz, earlier timestamptz) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN CAST(extract(epoch FROM later - earlier) AS double precision);

-- Buckets of durations for finding a percentile: 0 under a minute, then eight to each doubling (each about 9 % wide),
-- so that the bucket holding a percentile holds few of the period's reports. Never decreasing with the duration.
CREATE FUNCTION stats_duration_bucket(later timestamptz, earlier timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN stats_seconds(later, earlier) < 60 THEN 0 ELSE 1 + CAST(floor(8 * ln(stats_seconds(later, earlier) / 60) / ln(2)) AS integer) END;

-- The statement that adds the facts of the rows `source` yields (with a column `sign`, 1 to add, -1 to take away) to
-- the counts of both grains, in the zone $1. Rows are written in key order, so that two transactions never wait for
-- each other's counts in opposite orders.
CREATE FUNCTION stats_count_statement(source text) RETURNS text LANGUAGE sql IMMUTABLE RETURN format($sql$
    INSERT INTO stats_count AS c (grain, day, csam, dimension, key, reports)
    SELECT g.grain, g.day, f.csam, f.dimension, f.key, sum(f.sign)
    FROM (SELECT r.sign, CAST(r.received_at AT TIME ZONE $1 AS date) AS day, r.csam, x.dimension, x.key
          FROM (%s) r CROSS JOIN LATERAL (
              VALUES ('TOTAL', ''), ('CATEGORY', r.category_code), ('CHANNEL', r.channel), ('REPORTER_ROLE', r.reporter_role),
                     ('AGE_BAND', r.age_band), ('OUTCOME', coalesce(r.outcome, 'NONE'))
              UNION ALL SELECT 'PLATFORM', p FROM unnest(r.platforms) p
              UNION ALL SELECT 'HOSTING_COUNTRY', p FROM unnest(r.illegal_countries) p
              UNION ALL SELECT 'HOSTING_NETWORK', p FROM unnest(r.illegal_networks) p
              UNION ALL SELECT 'FIRST_LOOK_TIME', CAST(stats_duration_bucket(r.first_look_at, r.received_at) AS text) WHERE r.first_look_at IS NOT NULL
              UNION ALL SELECT 'ASSESSMENT_TIME', CAST(stats_duration_bucket(r.assessed_at, r.received_at) AS text) WHERE r.assessed_at IS NOT NULL
              UNION ALL SELECT 'REFERRAL_TIME', CAST(stats_duration_bucket(r.referred_at, r.received_at) AS text) WHERE r.referred_at IS NOT NULL
              UNION ALL SELECT 'REMOVAL_TIME', CAST(stats_duration_bucket(r.removed_at, r.received_at) AS text) WHERE r.removed_at IS NOT NULL
              UNION ALL SELECT 'MET', 'FIRST_LOOK' WHERE r.first_look_at <= r.first_look_due
              UNION ALL SELECT 'MET', 'ASSESSMENT' WHERE r.assessed_at <= r.assessment_due
              UNION ALL SELECT 'REMOVED_WITHIN', '24h' WHERE r.removed_at - r.received_at <= interval '24 hours'
              UNION ALL SELECT 'REMOVED_WITHIN', '3d' WHERE r.removed_at - r.received_at <= interval '3 days'
              UNION ALL SELECT 'REMOVED_WITHIN', '7d' WHERE r.removed_at - r.received_at <= interval '7 days'
              UNION ALL SELECT 'FIRST_LOOK_PENDING', CAST(CAST(r.first_look_due AT TIME ZONE $1 AS date) AS text)
                  WHERE r.first_look_at IS NULL AND r.first_look_due IS NOT NULL
              UNION ALL SELECT 'ASSESSMENT_PENDING', CAST(CAST(r.assessment_due AT TIME ZONE $1 AS date) AS text)
                  WHERE r.assessed_at IS NULL AND r.assessment_due IS NOT NULL
          ) x (dimension, key)) f
    CROSS JOIN LATERAL (VALUES ('D', f.day), ('M', CAST(date_trunc('month', CAST(f.day AS timestamp)) AS date))) g (grain, day)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.sign) <> 0
    ORDER BY 1, 2, 4, 3, 5
    ON CONFLICT (grain, day, dimension, csam, key) DO UPDATE SET reports = c.reports + excluded.reports$sql$, source);

-- Statement-level: a rebuild of a million rows is one pass over its transition tables, a report's refresh a few rows.
CREATE FUNCTION stats_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text;
BEGIN
    -- Taken before reading the zone: a recount (which locks the counts exclusively) either waits for this
    -- transaction and sees its rows, or has finished and left its zone for this one to read.
    LOCK TABLE stats_count IN ROW EXCLUSIVE MODE;
    SELECT z.zone INTO zone FROM stats_count_zone z;
    IF zone IS NULL THEN
        RETURN NULL;
    END IF;
    -- EXECUTE runs in this trigger's context, where the transition tables are visible.
    EXECUTE stats_count_statement(CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM added'
        WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM removed'
        ELSE 'SELECT -1 AS sign, * FROM removed UNION ALL SELECT 1, * FROM added' END) USING zone;
    RETURN NULL;
END
$$;

CREATE TRIGGER stats_count_inserted AFTER INSERT ON stats_report REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION stats_count_changed();
CREATE TRIGGER stats_count_updated AFTER UPDATE ON stats_report REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION stats_count_changed();
CREATE TRIGGER stats_count_deleted AFTER DELETE ON stats_report REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION stats_count_changed();

CREATE FUNCTION stats_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE stats_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER stats_count_truncated AFTER TRUNCATE ON stats_report FOR EACH STATEMENT EXECUTE FUNCTION stats_count_truncated();

-- Counts everything again in the zone given, and keeps that zone for the triggers.
CREATE FUNCTION stats_count_all(in_zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE stats_count IN EXCLUSIVE MODE;
    INSERT INTO stats_count_zone (zone) VALUES (in_zone) ON CONFLICT (only_row) DO UPDATE SET zone = excluded.zone;
    DELETE FROM stats_count;
    DELETE FROM stats_referral_count;
    EXECUTE stats_count_statement('SELECT 1 AS sign, * FROM stats_report') USING in_zone;
    EXECUTE stats_referral_count_statement('SELECT 1 AS sign, * FROM stats_referral') USING in_zone;
END
$$;

-- The reports per day, for the series of days, weeks or months: without it a year's series reads every count of its days.
CREATE INDEX stats_count_total ON stats_count (grain, day) INCLUDE (csam, reports) WHERE dimension = 'TOTAL';

-- Referrals per day and month of creation, by agency and status, kept the same way from stats_referral.
CREATE TABLE stats_referral_count (
    grain     char(1) NOT NULL CHECK (grain IN ('D', 'M')),
    day       date    NOT NULL,
    csam      boolean NOT NULL,
    agency_id text    NOT NULL,
    status    text    NOT NULL,
    referrals bigint  NOT NULL,
    PRIMARY KEY (grain, day, agency_id, status, csam)
);

CREATE FUNCTION stats_referral_count_statement(source text) RETURNS text LANGUAGE sql IMMUTABLE RETURN format($sql$
    INSERT INTO stats_referral_count AS c (grain, day, csam, agency_id, status, referrals)
    SELECT g.grain, g.day, f.csam, f.agency_id, f.status, sum(f.sign)
    FROM (SELECT r.sign, CAST(r.created_at AT TIME ZONE $1 AS date) AS day, r.csam, r.agency_id, r.status FROM (%s) r) f
    CROSS JOIN LATERAL (VALUES ('D', f.day), ('M', CAST(date_trunc('month', CAST(f.day AS timestamp)) AS date))) g (grain, day)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.sign) <> 0
    ORDER BY 1, 2, 4, 5, 3
    ON CONFLICT (grain, day, agency_id, status, csam) DO UPDATE SET referrals = c.referrals + excluded.referrals$sql$, source);

CREATE FUNCTION stats_referral_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text;
BEGIN
    -- The same guard as stats_count_changed: a recount locks stats_count for both tables of counts.
    LOCK TABLE stats_count IN ROW EXCLUSIVE MODE;
    SELECT z.zone INTO zone FROM stats_count_zone z;
    IF zone IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE stats_referral_count_statement(CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM added'
        WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM removed'
        ELSE 'SELECT -1 AS sign, * FROM removed UNION ALL SELECT 1, * FROM added' END) USING zone;
    RETURN NULL;
END
$$;

CREATE TRIGGER stats_referral_count_inserted AFTER INSERT ON stats_referral REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION stats_referral_count_changed();
CREATE TRIGGER stats_referral_count_updated AFTER UPDATE ON stats_referral REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION stats_referral_count_changed();
CREATE TRIGGER stats_referral_count_deleted AFTER DELETE ON stats_referral REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION stats_referral_count_changed();

CREATE FUNCTION stats_referral_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE stats_referral_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER stats_referral_count_truncated AFTER TRUNCATE ON stats_referral
    FOR EACH STATEMENT EXECUTE FUNCTION stats_referral_count_truncated();

-- A percentile is found in the counts' buckets, then read from the few reports of its bucket in the period.
CREATE INDEX stats_report_first_look_time ON stats_report (stats_duration_bucket(first_look_at, received_at), received_at)
    INCLUDE (csam, first_look_at) WHERE first_look_at IS NOT NULL;
CREATE INDEX stats_report_assessment_time ON stats_report (stats_duration_bucket(assessed_at, received_at), received_at)
    INCLUDE (csam, assessed_at) WHERE assessed_at IS NOT NULL;
CREATE INDEX stats_report_referral_time ON stats_report (stats_duration_bucket(referred_at, received_at), received_at)
    INCLUDE (csam, referred_at) WHERE referred_at IS NOT NULL;
CREATE INDEX stats_report_removal_time ON stats_report (stats_duration_bucket(removed_at, received_at), received_at)
    INCLUDE (csam, removed_at) WHERE removed_at IS NOT NULL;
-- Deadlines passing today, the only ones the counts cannot know to have passed.
CREATE INDEX stats_report_first_look_pending ON stats_report (first_look_due) INCLUDE (received_at, csam) WHERE first_look_at IS NULL;
CREATE INDEX stats_report_assessment_pending ON stats_report (assessment_due) INCLUDE (received_at, csam) WHERE assessed_at IS NULL;

-- The backlog counted from its indexes alone.
DROP INDEX stats_report_open;
CREATE INDEX stats_report_open ON stats_report (csam) WHERE case_status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED');
DROP INDEX stats_report_monitoring;
CREATE INDEX stats_report_monitoring ON stats_report (csam) WHERE monitoring;
