-- Online checks of referred addresses (module referral): one watch per report and canonical URL, checked again and
-- again until the content is gone. A watch per report, not per URL: each report's referral starts at its own time in
-- its own hosting country and its case is closed on its own, and its time to removal is its own; an address in
-- several open reports is checked once for each, which politeness per host keeps harmless (re-reports of one address
-- are usually merged as duplicates by casework anyway).
CREATE TABLE referral_watch (
    id               uuid        PRIMARY KEY,
    report_id        uuid        NOT NULL,
    canonical_url    text        NOT NULL CHECK (char_length(canonical_url) BETWEEN 1 AND 2048),
    -- The URL's host in lower case: politeness and the hosting trace go by it.
    host             text        NOT NULL CHECK (char_length(host) BETWEEN 1 AND 253),
    -- Where the content was hosted when the watch started (ISO 3166-1 alpha-2); NULL: not known then.
    country          text        CHECK (country ~ '^[A-Z]{2}$'),
    -- PENDING: not checked yet; ONLINE: last answered; UNAVAILABLE: the server may not fetch it (a private address, an
    -- onion service without a proxy); MOVED: online, hosted in another country than at the start; REMOVED: gone.
    status           text        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'ONLINE', 'REMOVED', 'MOVED', 'UNAVAILABLE')),
    -- "Gone" answers in a row (404, 410, no such host, connection refused), and when the first of them came.
    consecutive_gone integer     NOT NULL DEFAULT 0 CHECK (consecutive_gone >= 0),
    first_gone_at    timestamptz,
    checks           integer     NOT NULL DEFAULT 0 CHECK (checks >= 0),
    started_at       timestamptz NOT NULL,
    last_checked_at  timestamptz,
    -- The last check's outcome: an HTTP status ('404') or a failure ('NO_SUCH_HOST', 'TIMEOUT'…).
    last_result      text        CHECK (last_result ~ '^[A-Z0-9_]{1,40}$'),
    -- When a node should check it next; NULL: never again (removed, or stopped because the case is over).
    next_check_at    timestamptz,
    removed_at       timestamptz,
    moved_to_country text        CHECK (moved_to_country ~ '^[A-Z]{2}$'),
    stopped_at       timestamptz,
    -- While a node checks it: until when, and which claim of that node; after that, another node takes it.
    lease_until      timestamptz,
    claim            uuid,
    UNIQUE (report_id, canonical_url),
    CHECK ((status = 'REMOVED') = (removed_at IS NOT NULL)),
    CHECK ((status = 'MOVED') <= (moved_to_country IS NOT NULL)),
    CHECK ((consecutive_gone = 0) = (first_gone_at IS NULL))
);

-- The job looks for watches that are due.
CREATE INDEX referral_watch_due ON referral_watch (next_check_at) WHERE next_check_at IS NOT NULL;
-- Politeness across nodes: a host with a watch under lease is not claimed again meanwhile.
CREATE INDEX referral_watch_leased_host ON referral_watch (host) WHERE lease_until IS NOT NULL;
