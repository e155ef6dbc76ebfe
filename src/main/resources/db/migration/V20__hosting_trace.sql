-- Hosting traces (module tracing). One row per host that someone asked about: its place in the queue of hosts to
-- trace, and the outcome of its last trace, which is the cache every node reads. A host is a domain name (ASCII, lower
-- case, without the final dot) or an IP address written as the host; nothing a reporter wrote besides.
CREATE TABLE tracing_host (
    host         text        PRIMARY KEY CHECK (host ~ '^[a-z0-9._:-]{1,253}$'),
    -- An IP address, not a name: traced without the DNS, so even offline.
    literal      boolean     NOT NULL,
    requested_at timestamptz NOT NULL,
    -- When a node should trace it (first time, retry after a failure, or refresh asked for); NULL: not queued.
    due_at       timestamptz,
    -- While a node traces it: until when; after that another node takes it (the first one died).
    lease_until  timestamptz,
    -- Failed traces in a row; 0 after a success.
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- The last trace: NULL until there is one.
    outcome      text        CHECK (outcome IN ('TRACED', 'NOT_TRACED')),
    reason       text        CHECK (reason ~ '^[A-Z_]{1,40}$'),
    aliases      text[]      NOT NULL DEFAULT '{}',
    -- The one country where the content is hosted, when there is one (see HostingTrace.hostingCountry).
    country      text        CHECK (country ~ '^[A-Z]{2}$'),
    behind_cdn   boolean     NOT NULL DEFAULT false,
    traced_at    timestamptz,
    expires_at   timestamptz,
    CHECK ((outcome IS NULL) = (traced_at IS NULL) AND (outcome IS NULL) = (expires_at IS NULL)),
    CHECK ((outcome = 'NOT_TRACED') = (reason IS NOT NULL)),
    CHECK (outcome IS NOT NULL OR due_at IS NOT NULL),
    CHECK (lease_until IS NULL OR due_at IS NOT NULL)
);

-- The workers look for hosts that are due.
CREATE INDEX tracing_host_due ON tracing_host (due_at) WHERE due_at IS NOT NULL;

-- The addresses of a host's last trace, in order (IPv4 first).
CREATE TABLE tracing_address (
    host        text     NOT NULL REFERENCES tracing_host (host) ON DELETE CASCADE,
    position    smallint NOT NULL CHECK (position >= 0),
    address     inet     NOT NULL,
    on_internet boolean  NOT NULL,
    country     text     CHECK (country ~ '^[A-Z]{2}$'),
    asn         bigint   CHECK (asn >= 0),
    network     text     CHECK (length(network) <= 300),
    cdn         text     CHECK (length(cdn) <= 100),
    PRIMARY KEY (host, position)
);
