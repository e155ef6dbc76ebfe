-- Referral: the agencies reports are passed to, the rules that suggest them, and each referral with its notices.

-- The directory. An agency's id is a short name that stays (it binds partner accounts: identity_account.agency).
-- Hosting providers and registrars found by tracing wait for an analyst's approval before the first notice; an agency
-- without a working channel (ready, approved, and an e-mail address or the partner portal) cannot be sent anything.
CREATE TABLE referral_agency (
    id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    kind          text        NOT NULL CHECK (kind IN ('POLICE', 'REGULATOR', 'CHILD_PROTECTION', 'HELPLINE', 'PLATFORM',
                                                       'HOSTING_PROVIDER', 'REGISTRAR', 'FOREIGN_HOTLINE')),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country       text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    -- The languages it reads, preferred first; notices go in the first one the site writes (sq, en), else English.
    languages     text[]      NOT NULL DEFAULT '{en}',
    emails        text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(emails) <= 5),
    portal        boolean     NOT NULL DEFAULT false,
    notes         text        NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    ready         boolean     NOT NULL DEFAULT false,
    -- Null until an analyst approved an agency created from a trace; set for the ones an administrator made.
    approved_at   timestamptz,
    approved_by   text,
    -- For hosting providers: the autonomous system the trace found; for platforms: the host names they serve.
    asn           bigint,
    domains       text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX referral_agency_asn ON referral_agency (asn) WHERE kind = 'HOSTING_PROVIDER';
CREATE INDEX referral_agency_domains ON referral_agency USING gin (domains);

-- Routing rules, tried in order; every rule that matches adds its recipient. A rule is data the administrator edits.
CREATE TABLE referral_rule (
    id            uuid PRIMARY KEY,
    position      integer     NOT NULL UNIQUE,
    -- Null: any category; any outcome.
    category_code text,
    outcome       text CHECK (outcome IN ('BASELINE_CSAM', 'NATIONAL_ILLEGAL', 'HARMFUL_NOT_ILLEGAL')),
    -- Where the content is hosted, from the trace: in the hotline's country, abroad, unknown, or anywhere.
    hosted        text        NOT NULL CHECK (hosted IN ('ANY', 'DOMESTIC', 'ABROAD', 'UNKNOWN')),
    -- Only for items on a known platform (an account, or an address on a platform's host).
    on_platform   boolean     NOT NULL DEFAULT false,
    recipient     text        NOT NULL CHECK (recipient IN ('POLICE', 'REGULATOR', 'CHILD_PROTECTION', 'HELPLINE', 'PLATFORM',
                                                            'HOSTING_PROVIDER', 'REGISTRAR', 'FOREIGN_HOTLINE')),
    -- Suggested only when the reporter agreed to be put in touch (the analyst confirms it).
    needs_consent boolean     NOT NULL DEFAULT false,
    -- A host or platform notice held until the police agree (the police may want the content left up for evidence).
    police_first  boolean     NOT NULL DEFAULT false
);

INSERT INTO referral_rule (id, position, category_code, outcome, hosted, on_platform, recipient, needs_consent, police_first) VALUES
    ('00000000-0000-4000-8000-000000000001', 10, NULL, 'BASELINE_CSAM', 'DOMESTIC', false, 'POLICE', false, false),
    ('00000000-0000-4000-8000-000000000002', 20, NULL, 'BASELINE_CSAM', 'DOMESTIC', false, 'HOSTING_PROVIDER', false, true),
    ('00000000-0000-4000-8000-000000000003', 30, NULL, 'BASELINE_CSAM', 'ABROAD', false, 'FOREIGN_HOTLINE', false, false),
    ('00000000-0000-4000-8000-000000000004', 40, NULL, 'BASELINE_CSAM', 'ABROAD', false, 'POLICE', false, false),
    ('00000000-0000-4000-8000-000000000005', 50, NULL, 'BASELINE_CSAM', 'UNKNOWN', false, 'POLICE', false, false),
    ('00000000-0000-4000-8000-000000000006', 60, 'cyberbullying', NULL, 'ANY', true, 'PLATFORM', false, false),
    ('00000000-0000-4000-8000-000000000007', 70, 'cyberbullying', NULL, 'ANY', false, 'CHILD_PROTECTION', true, false);

-- One referral per report and agency: the notice lists every item passed to that agency in one message.
CREATE TABLE referral (
    id               uuid PRIMARY KEY,
    report_id        uuid        NOT NULL,
    reference        text        NOT NULL,
    agency_id        text        NOT NULL REFERENCES referral_agency (id),
    -- Need to know: a referral of a restricted (CSAM) case is seen only with the CSAM clearance.
    restricted       boolean     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'ACKNOWLEDGED', 'ACTIONED', 'DECLINED')),
    -- Notice-and-takedown: for hosts, platforms and registrars, re-notices and escalation while the content is online.
    takedown         boolean     NOT NULL,
    -- Police first: the police referral whose agreement this one waits for; null once agreed, or when not held.
    held_for         uuid REFERENCES referral (id),
    -- Escalation of a takedown notice: to the site's owner after a while online, then to the domain's registrar.
    owner_agency_id      text REFERENCES referral_agency (id),
    registrar_agency_id  text REFERENCES referral_agency (id),
    -- The reporter agreed that their words and contact go to this (law enforcement) agency.
    with_reporter    boolean     NOT NULL DEFAULT false,
    language         text        NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    created_by       uuid        NOT NULL,
    created_by_name  text        NOT NULL,
    created_at       timestamptz NOT NULL,
    -- The next notice: the first, a re-notice, or an escalation; null when none is due (acknowledged, finished).
    next_notice_at   timestamptz,
    notices          integer     NOT NULL DEFAULT 0,
    sent_at          timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    outcome          text CHECK (outcome IN ('REMOVED', 'INVESTIGATION_OPENED', 'DECLINED')),
    outcome_reason   text CHECK (length(outcome_reason) <= 1000),
    outcome_at       timestamptz,
    outcome_by       text,
    UNIQUE (report_id, agency_id),
    CHECK ((status IN ('ACTIONED', 'DECLINED')) = (outcome IS NOT NULL)),
    CHECK (NOT with_reporter OR NOT takedown)
);

CREATE INDEX referral_report ON referral (report_id);
CREATE INDEX referral_agency_open ON referral (agency_id, created_at DESC);
CREATE INDEX referral_due ON referral (next_notice_at) WHERE next_notice_at IS NOT NULL;

CREATE TABLE referral_item (
    referral_id   uuid    NOT NULL REFERENCES referral (id),
    position      integer NOT NULL,
    -- The address, or for an account on a platform what the reporter typed.
    target        text    NOT NULL CHECK (length(target) <= 2048),
    is_url        boolean NOT NULL,
    outcome       text,
    PRIMARY KEY (referral_id, position)
);

-- Every message sent for a referral, with the outbox message that carries it.
CREATE TABLE referral_notice (
    message_id    uuid PRIMARY KEY,
    referral_id   uuid        NOT NULL REFERENCES referral (id),
    kind          text        NOT NULL CHECK (kind IN ('FIRST', 'REMINDER', 'ESCALATION_OWNER', 'ESCALATION_REGISTRAR')),
    agency_id     text        NOT NULL REFERENCES referral_agency (id),
    queued_at     timestamptz NOT NULL,
    sent_at       timestamptz,
    given_up_at   timestamptz
);

CREATE INDEX referral_notice_referral ON referral_notice (referral_id, queued_at);

-- Albania's agencies (DESIGN §4), and the INHOPE member hotlines by country. Names and countries only: an
-- administrator sets the addresses and marks each ready once it has agreed to receive, so nothing goes anywhere before.
INSERT INTO referral_agency (id, kind, name, country, languages, approved_at, approved_by, notes) VALUES
    ('al-police-cybercrime', 'POLICE', 'Policia e Shtetit — Sektori për Hetimin e Krimeve Kibernetike', 'AL', '{sq}', now(), 'Raporto', ''),
    ('al-akep', 'REGULATOR', 'Autoriteti i Komunikimeve Elektronike dhe Postare (AKEP)', 'AL', '{sq}', now(), 'Raporto', ''),
    ('al-ashmdf', 'CHILD_PROTECTION', 'Agjencia Shtetërore për të Drejtat dhe Mbrojtjen e Fëmijëve (ASHMDF)', 'AL', '{sq}', now(), 'Raporto', ''),
    ('al-alo-116-111', 'HELPLINE', 'ALO 116 111 — Linja Kombëtare e Këshillimit për Fëmijë', 'AL', '{sq}', now(), 'Raporto', ''),
    ('al-aksk', 'REGULATOR', 'Autoriteti Kombëtar për Sigurinë Kibernetike (AKSK)', 'AL', '{sq}', now(), 'Raporto', '');

INSERT INTO referral_agency (id, kind, name, country, languages, approved_at, approved_by, notes)
SELECT 'hotline-' || lower(country) || CASE WHEN n > 1 THEN '-' || n ELSE '' END, 'FOREIGN_HOTLINE', name, country, languages::text[], now(), 'Raporto',
       'INHOPE member hotline; check the current list at inhope.org before use.'
FROM (SELECT *, row_number() OVER (PARTITION BY country ORDER BY name) AS n FROM (VALUES
    ('AT', 'Stopline', '{de,en}'),
    ('AU', 'eSafety Commissioner', '{en}'),
    ('BE', 'Child Focus', '{nl,fr,en}'),
    ('BG', 'Safenet — Bulgarian Safer Internet Centre', '{bg,en}'),
    ('BR', 'SaferNet Brasil', '{pt,en}'),
    ('CA', 'Cybertip.ca — Canadian Centre for Child Protection', '{en,fr}'),
    ('CO', 'Te Protejo Colombia', '{es,en}'),
    ('CY', 'Cyberethics — Cyprus Safer Internet Hotline', '{el,en}'),
    ('CZ', 'Stop Online', '{cs,en}'),
    ('DE', 'eco — Verband der Internetwirtschaft', '{de,en}'),
    ('DE', 'FSM — Freiwillige Selbstkontrolle Multimedia-Diensteanbieter', '{de,en}'),
    ('DE', 'jugendschutz.net', '{de,en}'),
    ('DK', 'Red Barnet — Save the Children Denmark', '{da,en}'),
    ('EE', 'Lasteabi / Vihjeliin', '{et,en}'),
    ('ES', 'INCIBE', '{es,en}'),
    ('FI', 'Nettivihje — Save the Children Finland', '{fi,en}'),
    ('FR', 'Point de Contact', '{fr,en}'),
    ('GB', 'Internet Watch Foundation (IWF)', '{en}'),
    ('GR', 'SafeLine', '{el,en}'),
    ('HR', 'Centar za nestalu i zlostavljanu djecu', '{hr,en}'),
    ('HU', 'Internet Hotline — NMHH', '{hu,en}'),
    ('IE', 'Hotline.ie', '{en}'),
    ('IS', 'Barnaheill — Save the Children Iceland', '{is,en}'),
    ('IT', 'Save the Children Italia', '{it,en}'),
    ('IT', 'Telefono Azzurro', '{it,en}'),
    ('JP', 'Internet Hotline Center Japan', '{ja,en}'),
    ('KR', 'Korea Communications Standards Commission', '{ko,en}'),
    ('LT', 'Communications Regulatory Authority (RRT)', '{lt,en}'),
    ('LU', 'BEE SECURE Stopline', '{fr,de,en}'),
    ('LV', 'Drossinternets.lv', '{lv,en}'),
    ('MT', 'Childwebalert', '{mt,en}'),
    ('NL', 'Offlimits', '{nl,en}'),
    ('NZ', 'Department of Internal Affairs', '{en}'),
    ('PL', 'Dyżurnet.pl — NASK', '{pl,en}'),
    ('PT', 'Linha Internet Segura', '{pt,en}'),
    ('RO', 'Ora de Net — Salvați Copiii', '{ro,en}'),
    ('SE', 'ECPAT Sverige', '{sv,en}'),
    ('SI', 'Spletno oko', '{sl,en}'),
    ('SK', 'Stopline.sk', '{sk,en}'),
    ('TR', 'İhbar Web', '{tr,en}'),
    ('TW', 'Web547 — ECPAT Taiwan', '{zh,en}'),
    ('US', 'NCMEC CyberTipline', '{en}'),
    ('ZA', 'Film and Publication Board', '{en}')
) AS hotline (country, name, languages)) AS numbered;

-- The platforms children use most, by the host names they serve: the trusted-flagger channel is set by an admin.
INSERT INTO referral_agency (id, kind, name, country, languages, approved_at, approved_by, domains) VALUES
    ('platform-meta', 'PLATFORM', 'Meta (Facebook, Instagram, WhatsApp)', 'IE', '{en}', now(), 'Raporto',
        '{facebook.com,fb.com,instagram.com,whatsapp.com,threads.net}'),
    ('platform-tiktok', 'PLATFORM', 'TikTok', 'IE', '{en}', now(), 'Raporto', '{tiktok.com}'),
    ('platform-google', 'PLATFORM', 'Google (YouTube)', 'IE', '{en}', now(), 'Raporto', '{youtube.com,youtu.be,google.com,blogspot.com}'),
    ('platform-snap', 'PLATFORM', 'Snap', 'GB', '{en}', now(), 'Raporto', '{snapchat.com}'),
    ('platform-x', 'PLATFORM', 'X', 'IE', '{en}', now(), 'Raporto', '{x.com,twitter.com}'),
    ('platform-telegram', 'PLATFORM', 'Telegram', 'AE', '{en}', now(), 'Raporto', '{telegram.org,t.me}'),
    ('platform-discord', 'PLATFORM', 'Discord', 'US', '{en}', now(), 'Raporto', '{discord.com,discord.gg}'),
    ('platform-roblox', 'PLATFORM', 'Roblox', 'US', '{en}', now(), 'Raporto', '{roblox.com}');
