#!/usr/bin/env bash
# The casework queue and "take next" with a million reports: p50 and p95 latency and requests per second of the
# queue's pages and of taking the next report, next to a baseline measured in the same run with the same session: the
# staff home page (/staff/), which goes through the same security filters, session check and layout but asks casework
# nothing. The ratio p95 / baseline p95 is what to compare between machines and commits.
#
#   ./mvnw -DskipTests package && bench/queue.sh
#
# Starts target/raporto.jar in demo mode (--raporto.demo=true) on its own data directory, then generates REPORTS reports
# over the last three years directly in the embedded PostgreSQL: reports, items, addresses (some reported again and
# again), cases with a realistic mix of states (about 4.5 % open, most of them recent) and the counts per status, in a
# few INSERT … SELECT over generate_series, with triggers and foreign-key checks off for the load; then VACUUM ANALYZE.
# Signs in over HTTP with both factors as two analysts: the demo analyst (cleared for child sexual abuse material) and
# the demo editor, made an analyst without the clearance for the run (restricted cases do not exist for it). Measures
# with wrk, after a warm-up, at 1 and 4 connections, and prints EXPLAIN (ANALYZE, BUFFERS) of the queries at the end.
# Every "take next" claims a new report: answers other than 303 to a report's page count as failures.
#
# Settings: REPORTS (default 1000000), DURATION (default 15s per measurement), WARMUP (default 120s: on two cores the
# JIT compiler works for minutes), CONNECTIONS (default "1 4"). About 12 minutes on two cores, 3 to 4 of them generating.
# Installs wrk and PostgreSQL's client from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

REPORTS=${REPORTS:-1000000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-120s}
CONNECTIONS=${CONNECTIONS:-1 4}
# Part of a host name for the search filter, matching about 0.35 % of the generated reports (filedrop12.com,
# filedrop120.net…); and one that matches none, as when an analyst checks whether a site was ever reported.
SEARCH=filedrop12
ABSENT=nosuchhost

need wrk wrk
need psql postgresql-client
need python3 python3

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

start_with_database "$work/app.log" --raporto.demo=true

read -r cleared_email cleared_password cleared_secret < <(demo_account "$work/app.log" analyst)
read -r uncleared_email uncleared_password uncleared_secret < <(demo_account "$work/app.log" editor)
sql -c "UPDATE identity_account SET roles = ARRAY['ANALYST'], csam_clearance = false WHERE email = '$uncleared_email'"

echo "Generating $REPORTS reports with their items, addresses and cases"
started=$(date +%s)
sql -v reports="$REPORTS" >/dev/null <<'SQL'
SET session_replication_role = replica;
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SELECT setseed(0.42);

CREATE UNLOGGED TABLE bench_host AS
SELECT i, CASE WHEN i <= 12 THEN (ARRAY['www.instagram.com', 'www.tiktok.com', 'www.facebook.com', 'www.youtube.com', 'x.com', 't.me',
               'www.snapchat.com', 'discord.com', 'www.roblox.com', 'www.reddit.com', 'vk.com', 'ok.ru'])[i]
           ELSE (ARRAY['imgbox', 'filedrop', 'picshare', 'forum', 'board', 'tube', 'chan', 'vault', 'cloud', 'paste'])[1 + i % 10]
               || (i / 10) || (ARRAY['.net', '.com', '.org', '.ru', '.to', '.cc', '.al', '.xyz'])[1 + (i / 10) % 8] END AS host,
       CASE WHEN i <= 12 THEN (ARRAY['US', 'US', 'US', 'US', 'US', 'GB', 'US', 'US', 'US', 'US', 'RU', 'RU'])[i]
           ELSE (ARRAY['US', 'NL', 'DE', 'FR', 'RU', 'AL', 'GB', 'CA', 'SG', 'UA'])[1 + (i / 7) % 10] END AS country
FROM generate_series(1, 3012) i;

CREATE UNLOGGED TABLE bench_report AS
WITH drawn AS (
    SELECT n, gen_random_uuid() AS id,
           now() - interval '1095 days' + (n - 1 + random()) * (interval '1095 days' / :reports) AS received_at,
           random() AS r_category, random() AS r_status, random() AS r_known, random() AS r_reason,
           (ARRAY[1, 1, 1, 1, 1, 2, 2, 2, 3, 3])[1 + floor(random() * 10)::int] AS items,
           (ARRAY['WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'APP', 'APP', 'APP', 'PARTNER', 'STAFF'])[1 + floor(random() * 13)::int] AS channel,
           CASE WHEN random() < 0.92 THEN 'sq' ELSE 'en' END AS language,
           (ARRAY['CHILD', 'PARENT', 'PARENT', 'TEACHER', 'PROFESSIONAL', 'OTHER'])[1 + floor(random() * 6)::int] AS reporter_role,
           (ARRAY['UNDER_13', 'FROM_13_TO_15', 'FROM_16_TO_17', 'ADULT', 'UNKNOWN'])[1 + floor(random() * 5)::int] AS child_age_band,
           (ARRAY['TODAY', 'THIS_WEEK', 'THIS_MONTH', 'EARLIER', 'UNKNOWN'])[1 + floor(random() * 5)::int] AS happened,
           random() AS r_look, random() AS r_assess, random() AS r_finish, random() AS r_assignee
    FROM generate_series(1, :reports) n),
categorised AS (
    SELECT d.*,
           CASE WHEN r_category < 0.15 THEN 'csam' WHEN r_category < 0.20 THEN 'grooming' WHEN r_category < 0.28 THEN 'sextortion'
                WHEN r_category < 0.35 THEN 'intimate-images' WHEN r_category < 0.55 THEN 'cyberbullying' WHEN r_category < 0.63 THEN 'hate-speech'
                WHEN r_category < 0.66 THEN 'violent-extremism' WHEN r_category < 0.69 THEN 'self-harm' WHEN r_category < 0.79 THEN 'fake-profile'
                WHEN r_category < 0.91 THEN 'fraud' WHEN r_category < 0.96 THEN 'adult-content' ELSE 'other' END AS category,
           -- The last 4 % (about six weeks) are mostly still open; of the older reports, 1.5 % are.
           CASE WHEN n > :reports * 0.96 THEN
                    CASE WHEN r_status < 0.50 THEN 'NEW' WHEN r_status < 0.70 THEN 'IN_ASSESSMENT' WHEN r_status < 0.80 THEN 'ASSESSED'
                         WHEN r_status < 0.85 THEN 'REFERRED' WHEN r_status < 0.90 THEN 'RESOLVED' ELSE 'CLOSED' END
                ELSE
                    CASE WHEN r_status < 0.008 THEN 'NEW' WHEN r_status < 0.012 THEN 'IN_ASSESSMENT' WHEN r_status < 0.015 THEN 'ASSESSED'
                         WHEN r_status < 0.020 THEN 'REFERRED' WHEN r_status < 0.35 THEN 'RESOLVED' ELSE 'CLOSED' END
           END AS status,
           lag(id) OVER (ORDER BY n) AS previous
    FROM drawn d),
timed AS (
    SELECT c.*, k.default_priority AS intake_priority, k.requires,
           -- An address already assessed as CSAM reported again: a quarter of CSAM reports, a few of the others.
           (category = 'csam' AND r_known < 0.25) OR (category <> 'csam' AND k.requires <> 'ANYTHING' AND r_known < 0.01) AS known,
           CASE WHEN status = 'NEW' THEN NULL ELSE received_at + r_look * interval '20 hours' END AS first_look_at
    FROM categorised c JOIN intake_category k ON k.code = c.category)
SELECT n, id, received_at, category, intake_priority, requires, known, status, items, channel, language, reporter_role, child_age_band, happened,
       CASE WHEN known THEN 'KNOWN_CSAM' ELSE intake_priority END AS priority,
       CASE WHEN known THEN 0 ELSE array_position(ARRAY['URGENT', 'HIGH', 'NORMAL', 'LOW'], intake_priority) END AS urgency,
       known OR category = 'csam' AS restricted,
       CASE WHEN status = 'CLOSED' THEN (ARRAY['NOT_ACTIONABLE', 'NOT_ACTIONABLE', 'OUT_OF_REMIT', 'DUPLICATE', 'INSUFFICIENT_INFORMATION'])[1 + floor(r_reason * 5)::int] END AS close_reason,
       CASE WHEN status = 'CLOSED' AND r_reason >= 0.6 AND r_reason < 0.7 AND previous IS NOT NULL THEN previous END AS merged_into,
       -- Held: open cases being assessed, referred ones, and a few new ones a supervisor gave to someone.
       CASE WHEN status IN ('IN_ASSESSMENT', 'ASSESSED', 'REFERRED') OR (status = 'NEW' AND r_assignee < 0.02)
            THEN ('00000000-0000-4000-8000-' || lpad((1 + floor(r_assignee * 8))::int::text, 12, '0'))::uuid END AS assignee,
       first_look_at,
       CASE WHEN status IN ('ASSESSED', 'REFERRED', 'RESOLVED') THEN least(first_look_at + r_assess * interval '2 days', now()) END AS assessed_at,
       CASE WHEN status = 'RESOLVED' THEN least(first_look_at + interval '2 days' + r_finish * interval '10 days', now())
            WHEN status = 'CLOSED' THEN least(first_look_at + r_finish * interval '3 days', now()) END AS finished_at,
       -- Approximately the targets (four working hours or a working day for a first look, one or two for the
       -- assessment), in calendar time: the queue only compares them with now.
       received_at + CASE WHEN category IN ('csam', 'grooming') THEN interval '4 hours' ELSE interval '1 day' END AS first_look_due,
       received_at + CASE WHEN category IN ('csam', 'grooming') THEN interval '1 day' ELSE interval '2 days' END AS assessment_due
FROM timed;

CREATE UNLOGGED TABLE bench_item AS
WITH items AS (
    SELECT r.n, r.id, r.received_at, r.known, r.requires, r.category, r.status, r.close_reason, p AS position,
           random() AS r_kind, random() AS r_pool, random() AS r_url, random() AS r_host, random() AS r_outcome
    FROM bench_report r, generate_series(0, r.items - 1) p),
kinded AS (
    SELECT i.*,
           CASE WHEN requires = 'URL' OR (position = 0 AND known) OR r_kind < 0.8 THEN 'URL' ELSE 'ACCOUNT' END AS kind,
           -- Which address: one of 2,000 known CSAM addresses, one of 48,000 reported again and again (some far more
           -- often than others), or one reported once.
           CASE WHEN position = 0 AND known THEN 1 + floor(r_url * 2000)::int
                WHEN r_pool < 0.35 THEN 2001 + floor(r_url * r_url * 48000)::int END AS pooled
    FROM items i)
SELECT k.n, k.id, k.position, k.kind, k.received_at, k.category, k.status, k.close_reason, k.r_outcome,
       CASE WHEN kind = 'URL' THEN 'https://' || h.host || CASE WHEN pooled IS NULL THEN '/p/' || n || '/' || position ELSE '/f/' || pooled END END AS url,
       CASE WHEN kind = 'URL' THEN h.host END AS host,
       CASE WHEN kind = 'URL' THEN h.country END AS country,
       pooled IS NOT NULL AND pooled <= 2000 AS known_url,
       CASE WHEN kind = 'ACCOUNT' THEN (ARRAY['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'SNAPCHAT', 'TELEGRAM', 'WHATSAPP', 'DISCORD', 'ROBLOX'])[1 + floor(r_host * 8)::int]
            WHEN h.i <= 12 THEN (ARRAY['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'YOUTUBE', 'X', 'TELEGRAM', 'SNAPCHAT', 'DISCORD', 'ROBLOX', 'WEBSITE', 'WEBSITE', 'WEBSITE'])[h.i] END AS platform
FROM kinded k
-- Big platforms for half the addresses; a long tail of 3,000 small sites (some far more often than others) for the rest.
JOIN bench_host h ON h.i = CASE WHEN pooled IS NOT NULL THEN 13 + (pooled * 7919) % 3000
                                WHEN r_host < 0.5 THEN 1 + floor(r_host * 24)::int
                                ELSE 13 + floor((r_host - 0.5) * (r_host - 0.5) * 4 * 3000)::int END;

INSERT INTO intake_report (id, reference, channel, category_code, language, priority, status, reporter_role, child_age_band, happened,
                           data_key, description, contact, receipt_hash, submission_token, submission_hash, submitted_at)
SELECT r.id, 'R-' || extract(year FROM r.received_at)::int || '-' || lpad(r.n::text, greatest(6, length(r.n::text)), '0'), r.channel, r.category, r.language, r.intake_priority,
       CASE r.status WHEN 'NEW' THEN 'RECEIVED' WHEN 'IN_ASSESSMENT' THEN 'IN_REVIEW' WHEN 'ASSESSED' THEN 'IN_REVIEW'
                     WHEN 'REFERRED' THEN 'ACTION_TAKEN' WHEN 'RESOLVED' THEN 'ACTION_TAKEN' ELSE 'CLOSED' END,
       r.reporter_role, r.child_age_band, r.happened,
       -- What the reporter wrote: random bytes of the size of a sealed key and text; erased 90 days after the end.
       CASE WHEN e.erased THEN NULL ELSE sha256(convert_to('key' || r.id, 'UTF8')) || sha256(convert_to('key2' || r.id, 'UTF8')) END,
       CASE WHEN e.erased THEN NULL ELSE convert_to(repeat(md5(r.id::text), 10), 'UTF8') END,
       CASE WHEN e.erased OR r.n % 5 <> 0 THEN NULL ELSE sha256(convert_to('contact' || r.id, 'UTF8')) END,
       sha256(convert_to('receipt' || r.id, 'UTF8')), gen_random_uuid(), sha256(convert_to('submission' || r.id, 'UTF8')), r.received_at
FROM bench_report r, LATERAL (SELECT r.finished_at < now() - interval '90 days' AS erased) e;

INSERT INTO intake_report_item (report_id, position, kind, canonical_url, original, platform, account)
SELECT i.id, i.position, i.kind, i.url,
       CASE WHEN i.kind = 'URL' AND NOT coalesce(r.finished_at < now() - interval '90 days', false) THEN convert_to(i.url, 'UTF8') END,
       i.platform,
       CASE WHEN i.kind = 'ACCOUNT' AND NOT coalesce(r.finished_at < now() - interval '90 days', false) THEN convert_to('@account' || i.n, 'UTF8') END
FROM bench_item i JOIN bench_report r ON r.n = i.n;

INSERT INTO casework_url (canonical_url, host, first_reported_at, last_reported_at, times_reported, last_outcome, last_assessed_at)
SELECT url, min(host), min(received_at), max(received_at), count(*),
       CASE WHEN bool_or(known_url) THEN 'BASELINE_CSAM' END, CASE WHEN bool_or(known_url) THEN min(received_at) + interval '1 day' END
FROM bench_item WHERE url IS NOT NULL GROUP BY url;

INSERT INTO casework_case (report_id, reference, category_code, channel, priority, urgency, restricted, status, close_reason, assignee,
                           assignee_name, claimed_at, received_at, first_look_at, assessed_at, finished_at, first_look_due, assessment_due,
                           hosting_countries, hosts, hosts_text, merged_into, data_key, erased_at)
SELECT r.id, 'R-' || extract(year FROM r.received_at)::int || '-' || lpad(r.n::text, greatest(6, length(r.n::text)), '0'), r.category, r.channel, r.priority, r.urgency,
       r.restricted, r.status, r.close_reason, r.assignee,
       CASE WHEN r.assignee IS NOT NULL THEN 'Bench Analyst ' || right(r.assignee::text, 1) END,
       CASE WHEN r.assignee IS NOT NULL THEN coalesce(r.first_look_at, r.received_at + interval '1 hour') END,
       r.received_at, r.first_look_at, r.assessed_at, r.finished_at, r.first_look_due, r.assessment_due,
       coalesce(h.countries, '{}'), coalesce(h.hosts, '{}'), coalesce(array_to_string(h.hosts, ' '), ''), r.merged_into,
       CASE WHEN r.finished_at < now() - interval '90 days' THEN NULL ELSE sha256(convert_to('case' || r.id, 'UTF8')) || sha256(convert_to('case2' || r.id, 'UTF8')) END,
       CASE WHEN r.finished_at < now() - interval '90 days' THEN least(r.finished_at + interval '90 days' + interval '30 minutes', now()) END
FROM bench_report r
LEFT JOIN (SELECT n, array_agg(DISTINCT host) AS hosts, array_agg(DISTINCT country) AS countries FROM bench_item WHERE host IS NOT NULL GROUP BY n) h
    ON h.n = r.n;

-- Items: classified where the case got that far, with ICCAM's fields for CSAM.
INSERT INTO casework_item (report_id, position, kind, url_id, host, platform, outcome, harm_category, age_group, gender, site_type, commercial,
                           virtual, child_modelling, user_generated, classified_by, classified_by_name, classified_at)
SELECT i.id, i.position, i.kind, u.id, i.host, i.platform, o.outcome, CASE WHEN o.outcome IS NOT NULL THEN i.category END,
       CASE WHEN o.outcome = 'BASELINE_CSAM' THEN 'PRE_PUBESCENT' END, CASE WHEN o.outcome = 'BASELINE_CSAM' THEN 'FEMALE' END,
       CASE WHEN o.outcome = 'BASELINE_CSAM' THEN 'FILE_HOST' END, CASE WHEN o.outcome = 'BASELINE_CSAM' THEN false END,
       CASE WHEN o.outcome = 'BASELINE_CSAM' THEN false END, CASE WHEN o.outcome = 'BASELINE_CSAM' THEN false END,
       CASE WHEN o.outcome = 'BASELINE_CSAM' THEN false END,
       CASE WHEN o.outcome IS NOT NULL THEN '00000000-0000-4000-8000-000000000001'::uuid END,
       CASE WHEN o.outcome IS NOT NULL THEN 'Bench Analyst 1' END,
       CASE WHEN o.outcome IS NOT NULL THEN coalesce(r.assessed_at, r.finished_at, r.first_look_at) END
FROM bench_item i
JOIN bench_report r ON r.n = i.n
LEFT JOIN casework_url u ON u.canonical_url = i.url
CROSS JOIN LATERAL (SELECT CASE
    WHEN i.status IN ('ASSESSED', 'REFERRED', 'RESOLVED') OR (i.status = 'IN_ASSESSMENT' AND i.r_outcome < 0.3) THEN
        CASE WHEN i.category = 'csam' OR i.known_url THEN 'BASELINE_CSAM' WHEN i.r_outcome < 0.45 THEN 'NATIONAL_ILLEGAL'
             WHEN i.r_outcome < 0.85 THEN 'HARMFUL_NOT_ILLEGAL' ELSE 'NOT_ACTIONABLE' END
    WHEN i.status = 'CLOSED' AND i.close_reason IN ('NOT_ACTIONABLE', 'OUT_OF_REMIT', 'DUPLICATE') THEN i.close_reason END AS outcome) o;

-- The counts per status the queue shows, as the triggers (off during the load) would have left them after a fold.
DELETE FROM casework_status_count;
INSERT INTO casework_status_count (status, restricted, n) SELECT status, restricted, count(*) FROM casework_case GROUP BY status, restricted;
SELECT setval('intake_report_number', :reports);

DROP TABLE bench_item, bench_report, bench_host;
SQL
generated=$(date +%s)
sql -c "VACUUM (ANALYZE) intake_report, intake_report_item, casework_url, casework_case, casework_item, casework_status_count" -c "CHECKPOINT"
vacuumed=$(date +%s)
echo "Generated in $((generated - started)) s, VACUUM ANALYZE and CHECKPOINT $((vacuumed - generated)) s; database $(sql -c "SELECT pg_size_pretty(pg_database_size('raporto'))")"
sql -F ' ' -c "SELECT 'cases by status:', string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, sum(n) AS n FROM casework_status_count GROUP BY status) s"

cleared=$(sign_in "$cleared_email" "$cleared_password" "$cleared_secret")
uncleared=$(sign_in "$uncleared_email" "$uncleared_password" "$uncleared_secret")
page() { curl -fsS -H "Cookie: RAPORTO_SESSION=$1" "$base$2"; }
take_next_body() { printf '_csrf=%s' "$(page "$1" /staff/cases | csrf_of)"; }
cleared_next=$(take_next_body "$cleared")
uncleared_next=$(take_next_body "$uncleared")

# A page deep in the closed reports, as the "next page" links walk them: the cursor of the row half way down, and a
# check that the page starts with the row after it.
read -r deep_urgency deep_micros deep_id deep_next < <(sql -F ' ' -c "
    SELECT urgency, (extract(epoch FROM received_at) * 1000000)::bigint, report_id, lead(reference) OVER (ORDER BY urgency, received_at, report_id)
    FROM casework_case WHERE status = 'CLOSED' ORDER BY urgency, received_at, report_id
    OFFSET (SELECT sum(n) / 2 FROM casework_status_count WHERE status = 'CLOSED') LIMIT 1")
deep_cursor=$(python3 -c 'import base64, sys; print(base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("="))' "$deep_urgency~$deep_micros~$deep_id")
deep="/staff/cases?status=CLOSED&after=$deep_cursor"
html=$(page "$cleared" "$deep")
grep -q "$deep_next" <<<"$html" || { echo "The deep page does not start where its cursor says ($deep_next)" >&2; exit 1; }
html=$(page "$cleared" "/staff/cases?q=$SEARCH")
grep -q "$SEARCH" <<<"$html" || { echo "The search for $SEARCH found nothing" >&2; exit 1; }

# GET: every answer must be 200 (a lost session answers a redirect to the sign-in page). POST ("take next"): every
# answer must be 303 to the page of the report it claimed; 303 to the queue means there was nothing left to take.
write_measure_lua "$work/measure.lua"
cat >"$work/warmup.lua" <<'LUA'
local paths = {}
for path in os.getenv("PATHS"):gmatch("%S+") do table.insert(paths, path) end
local i = 0
function request()
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
end
LUA

held() { # cleared|uncleared -> how many cases that analyst holds
    local email
    email=$([ "$1" = cleared ] && echo "$cleared_email" || echo "$uncleared_email")
    sql -c "SELECT count(*) FROM casework_case WHERE assignee = (SELECT id FROM identity_account WHERE email = '$email')"
}
unclaimed() { sql -c "SELECT count(*) FROM casework_case WHERE status = 'NEW' AND assignee IS NULL AND (NOT restricted OR $1)"; }
echo "Warming up for $WARMUP (the pages, then take next for 10 s as the analyst without clearance)"
PATHS="/staff/ /staff/cases $deep /staff/cases?q=$SEARCH /staff/cases?category=grooming" \
    wrk -t2 -c4 -d"$WARMUP" -H "Cookie: RAPORTO_SESSION=$cleared" -s "$work/warmup.lua" "$base/" >/dev/null
BODY=$uncleared_next EXPECT=303 wrk -t2 -c2 -d10s -H "Cookie: RAPORTO_SESSION=$uncleared" -s "$work/measure.lua" "$base/staff/cases/next" >/dev/null

results="$work/results"
: >"$results"
# measure_as NAME ANALYST CONNECTIONS PATH [BODY]: common.sh's measure with the analyst's session, against the baseline of that
# analyst and connections. For "take next" (BODY set), also how many more reports the analyst holds in the database
# afterwards: one per answer, if every claim took a different report.
measure_as() {
    local name=$1 analyst=$2 connections=$3 path=$4 body=${5:-} cookie held_before=0
    cookie=$([ "$analyst" = cleared ] && echo "$cleared" || echo "$uncleared")
    if [ -n "$body" ]; then
        held_before=$(held "$analyst")
        BODY=$body EXPECT=303 EXPECT_LOCATION=/staff/cases/%x measure "$name" "$analyst" "$connections" "$base$path" -H "Cookie: RAPORTO_SESSION=$cookie"
        echo "  ($(($(held "$analyst") - held_before)) more reports held by this analyst in the database)"
    else
        measure "$name" "$analyst" "$connections" "$base$path" -H "Cookie: RAPORTO_SESSION=$cookie"
    fi
}
measure_header endpoint analyst
# The analyst without clearance first: its "take next" skips the restricted reports at the head of the queue, which
# the cleared analyst's claims would otherwise have taken away.
for connections in $CONNECTIONS; do
    measure_as baseline uncleared "$connections" /staff/
    measure_as "queue" uncleared "$connections" /staff/cases
    echo "  ($(unclaimed false) new reports nobody holds that it may see)"
    measure_as "take next" uncleared "$connections" /staff/cases/next "$uncleared_next"
done
for connections in $CONNECTIONS; do
    measure_as baseline cleared "$connections" /staff/
    measure_as "queue" cleared "$connections" /staff/cases
    measure_as "closed, deep page" cleared "$connections" "$deep"
    measure_as "category=grooming" cleared "$connections" "/staff/cases?category=grooming"
    measure_as "q=$SEARCH" cleared "$connections" "/staff/cases?q=$SEARCH"
    measure_as "closed, q=$SEARCH" cleared "$connections" "/staff/cases?status=CLOSED&q=$SEARCH"
    measure_as "closed, q=$ABSENT" cleared "$connections" "/staff/cases?status=CLOSED&q=$ABSENT"
    echo "  ($(unclaimed true) new reports nobody holds)"
    measure_as "take next" cleared "$connections" /staff/cases/next "$cleared_next"
done

# The plans, on the data as the run left it. The statements are Queue.page's and Cases.takeNext's, with the values
# the pages above used; take next with its parameter, as the application sends it (a generic plan).
columns="c.report_id, c.reference, c.category_code, c.channel, c.priority, c.status, c.close_reason, c.assignee, c.assignee_name,
    c.claimed_at, c.received_at, c.first_look_at, c.assessed_at, c.finished_at, c.first_look_due, c.assessment_due,
    c.hosting_countries, c.hosts, c.merged_into, c.restricted, c.erased_at"
order="ORDER BY c.urgency, c.received_at, c.report_id LIMIT 51"
open="c.status IN ('ASSESSED', 'IN_ASSESSMENT', 'NEW')"
search="(c.reference LIKE '${SEARCH^^}%' OR c.hosts_text ILIKE '%$SEARCH%')"
explain() { # title statement…: run once to warm the cache as the pages above did, then explained
    echo "-- $1"
    shift
    sql "${@/EXPLAIN (ANALYZE, BUFFERS) /}" >/dev/null
    sql "$@" | sed '/^Planning:/,/^ *Buffers/d' | grep -E 'Scan|Bitmap|Gather|Filter|Index Cond|Sort Method|Heap Blocks|Limit|Execution Time|^ *Buffers' | grep -v Worker | sed 's/  (cost=[^)]*)//'
}
{
    explain "queue, first page (cleared)" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE $open $order"
    explain "queue, first page (not cleared)" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE $open AND NOT c.restricted $order"
    explain "closed, deep page" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE c.status IN ('CLOSED')
        AND (c.urgency, c.received_at, c.report_id) > ($deep_urgency, to_timestamp($deep_micros / 1e6), '$deep_id') $order"
    explain "category=grooming" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE $open AND c.category_code = 'grooming' $order"
    explain "q=$SEARCH" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE $open AND $search $order"
    explain "closed, q=$SEARCH" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT $columns FROM casework_case c WHERE c.status IN ('CLOSED') AND $search $order"
    # After five executions of a prepared statement PostgreSQL may keep a generic plan, which cannot see the pattern.
    for mode in force_custom_plan force_generic_plan; do
        explain "closed, q=$ABSENT ($mode)" -c "SET plan_cache_mode = $mode" -c "PREPARE search(text, text) AS SELECT $columns
            FROM casework_case c WHERE c.status IN ('CLOSED') AND (c.reference LIKE \$1 OR c.hosts_text ILIKE \$2) $order" \
            -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('${ABSENT^^}%', '%$ABSENT%')"
    done
    for who in true false; do
        explain "take next (cleared: $who, generic plan)" -c "SET plan_cache_mode = force_generic_plan" -c "PREPARE next(boolean) AS
            SELECT report_id FROM casework_case WHERE status = 'NEW' AND assignee IS NULL AND (NOT restricted OR \$1)
            ORDER BY urgency, received_at, report_id LIMIT 1 FOR UPDATE SKIP LOCKED" -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE next($who)"
    done
} | tee "$work/plans"

echo
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) | $REPORTS reports, generated in $((generated - started)) s |"
results_table
