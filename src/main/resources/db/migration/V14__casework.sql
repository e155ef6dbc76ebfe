-- Casework: the hotline's handling of each report, kept apart from what the reporter gave (intake's tables). A case
-- is opened in the same transaction as its report is stored, so there is never a report without a case.

-- One row per canonical address ever reported: re-reports are recognised and an address is assessed once.
CREATE TABLE casework_url (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    canonical_url      text        NOT NULL UNIQUE CHECK (length(canonical_url) <= 2048),
    host               text        NOT NULL,
    first_reported_at  timestamptz NOT NULL,
    last_reported_at   timestamptz NOT NULL,
    times_reported     integer     NOT NULL CHECK (times_reported > 0),
    -- The latest final classification of an item with this address, and where it was made (to apply it again).
    last_outcome       text,
    last_assessed_at   timestamptz,
    last_assessed_report uuid,
    last_assessed_position integer
);

CREATE TABLE casework_case (
    report_id       uuid PRIMARY KEY,
    reference       text        NOT NULL UNIQUE,
    category_code   text        NOT NULL,
    channel         text        NOT NULL,
    priority        text        NOT NULL CHECK (priority IN ('KNOWN_CSAM', 'URGENT', 'HIGH', 'NORMAL', 'LOW')),
    -- The queue's order: KNOWN_CSAM (an address already assessed as CSAM, reported again) 0, URGENT 1 … LOW 4.
    urgency         smallint    NOT NULL CHECK (urgency BETWEEN 0 AND 4),
    -- Need to know: only accounts with the CSAM clearance see restricted cases, anywhere.
    restricted      boolean     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED', 'REFERRED', 'RESOLVED', 'CLOSED')),
    close_reason    text CHECK (close_reason IN ('NOT_ACTIONABLE', 'OUT_OF_REMIT', 'DUPLICATE', 'INSUFFICIENT_INFORMATION')),
    assignee        uuid,
    assignee_name   text,
    claimed_at      timestamptz,
    received_at     timestamptz NOT NULL,
    first_look_at   timestamptz,
    assessed_at     timestamptz,
    finished_at     timestamptz,
    first_look_due  timestamptz NOT NULL,
    assessment_due  timestamptz NOT NULL,
    -- Where the content is hosted, from the traces of the case's hosts (ISO country codes), for the queue's filter.
    hosting_countries text[]    NOT NULL DEFAULT '{}',
    hosts           text[]      NOT NULL DEFAULT '{}',
    -- The hosts joined by spaces, for the queue's free-text search with a trigram index.
    hosts_text      text        NOT NULL DEFAULT '',
    merged_into     uuid REFERENCES casework_case (report_id),
    -- The key that seals the staff's notes; erased with everything else when the retention period ends.
    data_key        bytea,
    erased_at       timestamptz,
    CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL)),
    CHECK ((assignee IS NULL) = (claimed_at IS NULL)),
    CHECK (merged_into IS NULL OR merged_into <> report_id)
);

-- The open queue in its order, and "take next" (the most urgent unclaimed new report): keyset paging walks these.
CREATE INDEX casework_case_queue ON casework_case (urgency, received_at, report_id)
    WHERE status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED');
CREATE INDEX casework_case_unclaimed ON casework_case (urgency, received_at, report_id)
    WHERE status = 'NEW' AND assignee IS NULL;
CREATE INDEX casework_case_status ON casework_case (status, urgency, received_at, report_id);
CREATE INDEX casework_case_received ON casework_case (received_at);
CREATE INDEX casework_case_assignee ON casework_case (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX casework_case_hosts ON casework_case USING gin (hosts);
CREATE INDEX casework_case_hosts_text ON casework_case USING gin (hosts_text gin_trgm_ops);
CREATE INDEX casework_case_retention ON casework_case (finished_at) WHERE erased_at IS NULL AND finished_at IS NOT NULL;

CREATE TABLE casework_item (
    report_id        uuid    NOT NULL REFERENCES casework_case (report_id),
    position         integer NOT NULL,
    kind             text    NOT NULL CHECK (kind IN ('URL', 'ACCOUNT')),
    url_id           bigint REFERENCES casework_url (id),
    host             text,
    platform         text,
    outcome          text CHECK (outcome IN ('BASELINE_CSAM', 'NATIONAL_ILLEGAL', 'HARMFUL_NOT_ILLEGAL', 'NOT_ACTIONABLE',
                                             'OUT_OF_REMIT', 'DUPLICATE')),
    harm_category    text,
    -- ICCAM v3, for child sexual abuse material only.
    age_group        text CHECK (age_group IN ('INFANT', 'PRE_PUBESCENT', 'PUBESCENT', 'NOT_DETERMINED')),
    gender           text CHECK (gender IN ('FEMALE', 'MALE', 'BOTH', 'NOT_DETERMINED')),
    site_type        text CHECK (site_type IN ('WEBSITE', 'FILE_HOST', 'IMAGE_STORE', 'IMAGE_BOARD', 'FORUM', 'BANNER_SITE',
                                               'LINK_SITE', 'SOCIAL_NETWORKING', 'REDIRECTOR', 'WEB_ARCHIVE', 'SEARCH_PROVIDER',
                                               'IMAGE_HOST', 'BLOG')),
    commercial       boolean,
    payment_method   text CHECK (length(payment_method) <= 200),
    virtual          boolean,
    child_modelling  boolean,
    user_generated   boolean,
    classified_by    uuid,
    classified_by_name text,
    classified_at    timestamptz,
    -- Four eyes: where the category asks for it, a second analyst confirms before the classification is final.
    confirmed_by     uuid,
    confirmed_by_name text,
    confirmed_at     timestamptz,
    PRIMARY KEY (report_id, position),
    CHECK ((kind = 'URL') = (url_id IS NOT NULL)),
    CHECK ((outcome IS NULL) = (classified_at IS NULL)),
    CHECK (outcome = 'BASELINE_CSAM' OR (age_group IS NULL AND gender IS NULL AND site_type IS NULL AND commercial IS NULL)),
    CHECK (confirmed_by IS NULL OR confirmed_by <> classified_by)
);

CREATE INDEX casework_item_url ON casework_item (url_id);

-- Notes between staff, sealed with the case's key.
CREATE TABLE casework_note (
    id          uuid PRIMARY KEY,
    report_id   uuid        NOT NULL REFERENCES casework_case (report_id),
    author      uuid        NOT NULL,
    author_name text        NOT NULL,
    body        bytea       NOT NULL,
    written_at  timestamptz NOT NULL
);

CREATE INDEX casework_note_report ON casework_note (report_id, written_at);

-- Per category: whether a second analyst confirms classifications (four eyes).
CREATE TABLE casework_category_rule (
    category_code text PRIMARY KEY,
    four_eyes     boolean NOT NULL
);

-- Per account: whether screenshots are shown plainly instead of blurred and grey. Off unless the account says so.
CREATE TABLE casework_preference (
    account_id     uuid PRIMARY KEY,
    reveal_images  boolean NOT NULL
);

-- Counts per status without counting a million rows: every change adds a row of +1/-1 here (no lock on a shared
-- counter, so reports never wait for each other), and a job folds them up now and then.
CREATE TABLE casework_status_count (
    status     text     NOT NULL,
    restricted boolean  NOT NULL,
    n          bigint   NOT NULL
);

CREATE FUNCTION casework_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO casework_status_count VALUES (OLD.status, OLD.restricted, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO casework_status_count VALUES (NEW.status, NEW.restricted, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER casework_case_counted AFTER INSERT OR DELETE ON casework_case
    FOR EACH ROW EXECUTE FUNCTION casework_count_status();
CREATE TRIGGER casework_case_recounted AFTER UPDATE OF status, restricted ON casework_case
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.restricted IS DISTINCT FROM NEW.restricted)
    EXECUTE FUNCTION casework_count_status();
