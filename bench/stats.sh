#!/usr/bin/env bash
# The statistics dashboard with a million reports: p50 and p95 latency of /staff/stats for the default period (the
# last 30 days), last month, last calendar year and the last three years, with and without the clearance for child
# sexual abuse material, of a CSV export (the times table of last year) and of the public statistics of last year,
# next to a baseline measured in the same run with the same session: the staff home page (/staff/), which goes through
# the same security filters, session check and layout but asks the statistics nothing. The ratio p95 / baseline p95
# is what to compare between machines and commits. Goal: every dashboard view p95 < 300 ms.
#
#   ./mvnw -DskipTests package && bench/stats.sh
#   JAR=/path/to/other/raporto.jar bench/stats.sh      # the same measurement of another build
#
# Starts $JAR (default target/raporto.jar) in demo mode on its own data directory, then generates REPORTS rows of the
# statistics projection (stats_report) over the last three years, more of them recently, and the referrals of the
# referred ones (stats_referral), directly in the embedded PostgreSQL, in one INSERT … SELECT each. The dashboard and
# the public page read only these two tables (and what the projection keeps from them), so the source tables stay
# empty: the application projects from them only when a report's event arrives or, at a start with reports but no
# statistics, in a rebuild — neither happens here, and generating a million sealed reports with their items, cases
# and referrals only to derive the same narrow rows would take minutes longer (bench/queue.sh does that) and measure
# the same tables. Then VACUUM ANALYZE. Signs in over HTTP with both factors as the demo supervisor (cleared) and the
# demo administrator, whose clearance is taken away for the run; checks that the pages show the counts the database
# holds; warms up; measures with wrk at 1 and 4 connections; then starts the application again logging its SQL,
# captures the statements of the year view and prints their EXPLAIN (ANALYZE, BUFFERS).
#
# Settings: REPORTS (default 1000000), DURATION (default 10s per measurement), WARMUP (default 90s: on two cores the
# JIT compiler works for minutes), CONNECTIONS (default "1 4"). About 17 minutes on two shared cores, five or six of
# them generating (the triggers counting a million rows as they arrive).
# Installs wrk and PostgreSQL's client from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

REPORTS=${REPORTS:-1000000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-90s}
CONNECTIONS=${CONNECTIONS:-1 4}

need wrk wrk
need psql postgresql-client
need python3 python3

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

start_with_database "$work/app.log" --raporto.demo=true
export PGTZ=UTC

read -r cleared_email cleared_password cleared_secret < <(demo_account "$work/app.log" supervisor)
read -r uncleared_email uncleared_password uncleared_secret < <(demo_account "$work/app.log" admin)
sql -c "UPDATE identity_account SET csam_clearance = false WHERE email = '$uncleared_email'"

echo "Generating $REPORTS reports' statistics and their referrals"
started=$(date +%s)
sql -v reports="$REPORTS" >/dev/null <<'SQL'
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SELECT setseed(0.31);

-- Durations in hours drawn from a log-normal distribution: exp(ln(median) + sigma · N(0, 1)), N by Box–Muller.
CREATE FUNCTION pg_temp.hours(median double precision, sigma double precision) RETURNS interval LANGUAGE sql VOLATILE AS $$
    SELECT make_interval(secs => 3600 * exp(ln(median) + sigma * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))
$$;
-- What has not happened yet by now has happened just now (least() would turn a time that never came into now).
CREATE FUNCTION pg_temp.past(at timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN at > now() THEN now() ELSE at END
$$;

INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, platforms, outcome, csam,
    case_status, illegal_countries, illegal_networks, first_look_at, assessed_at, referred_at, removed_at, closed_at,
    first_look_due, assessment_due, monitoring, refreshed_at)
WITH drawn AS (
    -- A hotline that grows: the density of reports rises by about half over the three years.
    SELECT n, now() - interval '1095 days' * (1 - power((n - 1 + random()) / :reports, 0.8)) AS received_at,
           random() AS r_category, random() AS r_status, random() AS r_outcome, random() AS r_platform, random() AS r_host,
           random() AS r_monitoring,
           (ARRAY['WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'WEB', 'APP', 'APP', 'APP', 'PARTNER', 'STAFF'])[1 + floor(random() * 13)::int] AS channel,
           (ARRAY['CHILD', 'PARENT', 'PARENT', 'TEACHER', 'PROFESSIONAL', 'OTHER'])[1 + floor(random() * 6)::int] AS reporter_role,
           (ARRAY['UNDER_13', 'FROM_13_TO_15', 'FROM_16_TO_17', 'ADULT', 'UNKNOWN'])[1 + floor(random() * 5)::int] AS age_band,
           (ARRAY['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'SNAPCHAT', 'TELEGRAM', 'WHATSAPP', 'DISCORD', 'ROBLOX', 'YOUTUBE', 'X', 'WEBSITE'])[1 + floor(power(random(), 1.5) * 11)::int] AS platform1,
           (ARRAY['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'SNAPCHAT', 'TELEGRAM', 'WHATSAPP', 'DISCORD', 'ROBLOX', 'YOUTUBE', 'X', 'WEBSITE'])[1 + floor(random() * 11)::int] AS platform2,
           -- Where illegal content is hosted: a few countries far more often than the rest, and their networks.
           (ARRAY['NL', 'US', 'US', 'DE', 'FR', 'RU', 'AL', 'GB', 'CA', 'SG', 'UA', 'BG', 'RO', 'HK', 'SE'])[1 + floor(power(random(), 2) * 15)::int] AS country,
           (ARRAY['NL', 'US', 'DE', 'FR', 'RU', 'LT', 'MD', 'PA'])[1 + floor(random() * 8)::int] AS country2,
           'AS' || (ARRAY[16509, 13335, 24940, 16276, 14061, 20473, 60781, 49981, 9009, 197695, 51167, 8075, 15169, 32934, 21859,
                         36352, 202425, 44477, 5577, 3215])[1 + floor(power(random(), 1.5) * 20)::int] || ' Network' AS network
    FROM generate_series(1, :reports) n),
categorised AS (
    SELECT d.*,
           CASE WHEN r_category < 0.15 THEN 'csam' WHEN r_category < 0.20 THEN 'grooming' WHEN r_category < 0.28 THEN 'sextortion'
                WHEN r_category < 0.35 THEN 'intimate-images' WHEN r_category < 0.55 THEN 'cyberbullying' WHEN r_category < 0.63 THEN 'hate-speech'
                WHEN r_category < 0.66 THEN 'violent-extremism' WHEN r_category < 0.69 THEN 'self-harm' WHEN r_category < 0.79 THEN 'fake-profile'
                WHEN r_category < 0.91 THEN 'fraud' WHEN r_category < 0.96 THEN 'adult-content' ELSE 'other' END AS category,
           -- The last six weeks are mostly still open; of the older reports, 1.5 % are.
           CASE WHEN received_at > now() - interval '42 days' THEN
                    CASE WHEN r_status < 0.40 THEN 'NEW' WHEN r_status < 0.60 THEN 'IN_ASSESSMENT' WHEN r_status < 0.70 THEN 'ASSESSED'
                         WHEN r_status < 0.80 THEN 'REFERRED' WHEN r_status < 0.88 THEN 'RESOLVED' ELSE 'CLOSED' END
                ELSE
                    CASE WHEN r_status < 0.008 THEN 'NEW' WHEN r_status < 0.012 THEN 'IN_ASSESSMENT' WHEN r_status < 0.015 THEN 'ASSESSED'
                         WHEN r_status < 0.030 THEN 'REFERRED' WHEN r_status < 0.35 THEN 'RESOLVED' ELSE 'CLOSED' END
           END AS status
    FROM drawn d),
judged AS (
    SELECT c.*,
           CASE WHEN status IN ('NEW', 'IN_ASSESSMENT') THEN NULL
                WHEN status = 'CLOSED' THEN CASE WHEN r_outcome < 0.5 THEN NULL WHEN r_outcome < 0.8 THEN 'NOT_ACTIONABLE'
                                                 WHEN r_outcome < 0.9 THEN 'OUT_OF_REMIT' ELSE 'DUPLICATE' END
                WHEN category = 'csam' THEN CASE WHEN r_outcome < 0.85 THEN 'BASELINE_CSAM' ELSE 'NATIONAL_ILLEGAL' END
                WHEN category IN ('grooming', 'sextortion', 'intimate-images', 'violent-extremism') THEN
                    CASE WHEN r_outcome < 0.6 THEN 'NATIONAL_ILLEGAL' ELSE 'HARMFUL_NOT_ILLEGAL' END
                ELSE CASE WHEN r_outcome < 0.15 THEN 'NATIONAL_ILLEGAL' WHEN r_outcome < 0.8 THEN 'HARMFUL_NOT_ILLEGAL' ELSE 'NOT_ACTIONABLE' END
           END AS outcome,
           CASE WHEN status = 'NEW' THEN NULL ELSE received_at + pg_temp.hours(CASE WHEN category IN ('csam', 'grooming') THEN 1.5 ELSE 5 END, 1.0) END AS looked
    FROM categorised c),
timed AS (
    SELECT j.*, coalesce(outcome IN ('BASELINE_CSAM', 'NATIONAL_ILLEGAL'), false) AS illegal,
           CASE WHEN status IN ('ASSESSED', 'REFERRED', 'RESOLVED') THEN looked + pg_temp.hours(6, 1.2) END AS assessed
    FROM judged j),
referred AS (
    SELECT t.*,
           CASE WHEN status IN ('REFERRED', 'RESOLVED') AND outcome IS DISTINCT FROM 'NOT_ACTIONABLE' THEN assessed + pg_temp.hours(1, 1.0) END AS sent
    FROM timed t)
SELECT gen_random_uuid(), received_at, category, channel, reporter_role, age_band,
       CASE WHEN category = 'csam' OR r_platform < 0.25 THEN '{}'
            WHEN r_platform < 0.85 OR platform1 = platform2 THEN ARRAY[platform1]
            ELSE ARRAY[least(platform1, platform2), greatest(platform1, platform2)] END,
       outcome, category = 'csam' OR outcome IS NOT DISTINCT FROM 'BASELINE_CSAM', status,
       CASE WHEN NOT illegal OR status IN ('ASSESSED') AND r_host < 0.3 THEN '{}'
            WHEN r_host < 0.9 OR country = country2 THEN ARRAY[country] ELSE ARRAY[least(country, country2), greatest(country, country2)] END,
       CASE WHEN NOT illegal OR status IN ('ASSESSED') AND r_host < 0.3 THEN '{}' ELSE ARRAY[network] END,
       pg_temp.past(looked), pg_temp.past(assessed), pg_temp.past(sent),
       -- Content referred and resolved has been removed; still referred, it is mostly still watched online.
       CASE WHEN status = 'RESOLVED' AND sent IS NOT NULL THEN pg_temp.past(sent + pg_temp.hours(CASE WHEN illegal THEN 20 ELSE 40 END, 1.3)) END,
       CASE WHEN status = 'RESOLVED' THEN pg_temp.past(coalesce(sent, assessed, looked) + pg_temp.hours(72, 1.0))
            WHEN status = 'CLOSED' THEN pg_temp.past(looked + pg_temp.hours(24, 1.0)) END,
       received_at + CASE WHEN category IN ('csam', 'grooming') THEN interval '4 hours' ELSE interval '1 day' END,
       received_at + CASE WHEN category IN ('csam', 'grooming') THEN interval '1 day' ELSE interval '2 days' END,
       status = 'REFERRED' AND sent IS NOT NULL AND r_monitoring < 0.7,
       now()
FROM referred;

-- One referral of each report with a referral, two for a fifth of them: to the platform or the police, to a partner
-- hotline for child sexual abuse material; most sent, some still queued, acknowledged or actioned later.
INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, sent_at, refreshed_at)
SELECT gen_random_uuid(), s.report_id, a.agency_id, a.kind,
       CASE WHEN k.r < 0.05 THEN 'QUEUED' WHEN k.r < 0.45 THEN 'SENT' WHEN k.r < 0.65 THEN 'ACKNOWLEDGED' WHEN k.r < 0.95 THEN 'ACTIONED' ELSE 'DECLINED' END,
       s.csam, s.assessed_at, CASE WHEN k.r >= 0.05 THEN s.referred_at END, now()
FROM stats_report s
CROSS JOIN LATERAL (SELECT random() AS r, random() AS r_agency, generate_series(1, CASE WHEN random() < 0.2 THEN 2 ELSE 1 END) AS i) k
CROSS JOIN LATERAL (SELECT CASE WHEN s.csam THEN (ARRAY['hotline-nl', 'hotline-us', 'al-police-cybercrime'])[1 + floor(k.r_agency * 3)::int]
                                WHEN k.i = 2 OR s.platforms = '{}' THEN (ARRAY['al-police-cybercrime', 'al-ashmdf', 'al-akep'])[1 + floor(k.r_agency * 3)::int]
                                ELSE CASE s.platforms[1] WHEN 'INSTAGRAM' THEN 'platform-meta' WHEN 'FACEBOOK' THEN 'platform-meta'
                                         WHEN 'WHATSAPP' THEN 'platform-meta' WHEN 'TIKTOK' THEN 'platform-tiktok' WHEN 'YOUTUBE' THEN 'platform-google'
                                         WHEN 'SNAPCHAT' THEN 'platform-snap' WHEN 'X' THEN 'platform-x' WHEN 'TELEGRAM' THEN 'platform-telegram'
                                         WHEN 'DISCORD' THEN 'platform-discord' WHEN 'ROBLOX' THEN 'platform-roblox' ELSE 'al-akep' END END AS agency_id) g
CROSS JOIN LATERAL (SELECT g.agency_id, CASE WHEN g.agency_id LIKE 'platform-%' THEN 'PLATFORM' WHEN g.agency_id LIKE 'hotline-%' THEN 'HOTLINE'
                                             WHEN g.agency_id = 'al-police-cybercrime' THEN 'POLICE' WHEN g.agency_id = 'al-akep' THEN 'REGULATOR'
                                             ELSE 'CHILD_PROTECTION' END AS kind) a
WHERE s.referred_at IS NOT NULL;
SQL
generated=$(date +%s)
sql -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
vacuumed=$(date +%s)
echo "Generated in $((generated - started)) s, VACUUM ANALYZE and CHECKPOINT $((vacuumed - generated)) s; database $(sql -c "SELECT pg_size_pretty(pg_database_size('raporto'))")"
sql -F ' ' -c "SELECT 'reports by status:', string_agg(case_status || ' ' || n, ', ' ORDER BY case_status) FROM (SELECT case_status, count(*) AS n FROM stats_report GROUP BY 1) s"
sql -F ' ' -c "SELECT 'referrals:', count(*) FROM stats_referral"

cleared=$(sign_in "$cleared_email" "$cleared_password" "$cleared_secret")
uncleared=$(sign_in "$uncleared_email" "$uncleared_password" "$uncleared_secret")

# The periods, in the hotline's time zone (Europe/Tirane unless RAPORTO_TIME_ZONE says otherwise) as the dashboard's
# own links name them.
zone=${RAPORTO_TIME_ZONE:-Europe/Tirane}
today=$(TZ=$zone date +%F)
last_month_from=$(TZ=$zone date -d "$(TZ=$zone date +%Y-%m-01) -1 month" +%F)
last_month_to=$(TZ=$zone date -d "$(TZ=$zone date +%Y-%m-01) -1 day" +%F)
last_year=$(($(TZ=$zone date +%Y) - 1))
three_years_from=$(TZ=$zone date -d "$today -3 years +1 day" +%F)
views=(
    "dashboard, 30 days|/staff/stats"
    "dashboard, a month|/staff/stats?from=$last_month_from&to=$last_month_to"
    "dashboard, a year|/staff/stats?from=$last_year-01-01&to=$last_year-12-31"
    "dashboard, 3 years|/staff/stats?from=$three_years_from&to=$today"
)
export_path="/staff/stats/export?table=times&from=$last_year-01-01&to=$last_year-12-31"
public_path="/en/statistics?year=$last_year"

# Each page must show what the database holds: the reports of last year by channel add up to the year's count (the
# CSV of the channel table, its current column), for each analyst; and the public page shows the year.
year_count() { # csam: true|false
    sql -c "SELECT count(*) FROM stats_report WHERE received_at >= '$last_year-01-01'::timestamp AT TIME ZONE '$zone'
            AND received_at < '$((last_year + 1))-01-01'::timestamp AT TIME ZONE '$zone' AND ($1 OR NOT csam)"
}
page() { curl -fsS -H "Cookie: RAPORTO_SESSION=$1" "$base$2"; }
for who in cleared uncleared; do
    cookie=$([ "$who" = cleared ] && echo "$cleared" || echo "$uncleared")
    shown=$(page "$cookie" "/staff/stats/export?table=channel&from=$last_year-01-01&to=$last_year-12-31" \
        | python3 -c 'import csv, sys; print(sum(int(row[2]) for row in list(csv.reader(sys.stdin))[1:]))')
    expected=$(year_count "$([ "$who" = cleared ] && echo true || echo false)")
    [ "$shown" = "$expected" ] || { echo "The $who dashboard counts $shown reports in $last_year, the database $expected" >&2; exit 1; }
    echo "The $who dashboard counts the $expected reports of $last_year the database holds for it"
    for entry in "${views[@]}"; do
        IFS='|' read -r name path <<<"$entry"
        page "$cookie" "$path" >"$work/page"
        grep -q 'stats-legend' "$work/page" || { echo "$name ($who): $path shows no figures" >&2; exit 1; }
    done
done
curl -fsS -o "$work/page" "$base$public_path"
grep -q "$last_year" "$work/page" || { echo "$public_path does not show $last_year" >&2; exit 1; }

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
echo "Warming up for $WARMUP"
PATHS="/staff/ $(for entry in "${views[@]}"; do printf '%s ' "${entry#*|}"; done) $export_path $public_path" \
    wrk -t2 -c4 -d"$WARMUP" -H "Cookie: RAPORTO_SESSION=$cleared" -s "$work/warmup.lua" "$base/" >/dev/null

results="$work/results"
: >"$results"
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
measure_header view analyst
for connections in $CONNECTIONS; do
    for who in cleared uncleared; do
        cookie=$([ "$who" = cleared ] && echo "$cleared" || echo "$uncleared")
        measure baseline "$who" "$connections" "$base/staff/" -H "Cookie: RAPORTO_SESSION=$cookie"
        for entry in "${views[@]}"; do
            IFS='|' read -r name path <<<"$entry"
            measure "$name" "$who" "$connections" "$base$path" -H "Cookie: RAPORTO_SESSION=$cookie"
        done
    done
    measure "CSV export, a year" cleared "$connections" "$base$export_path" -H "Cookie: RAPORTO_SESSION=$cleared"
    # Against the staff home page all the same: the same machine, the same moment.
    measure "public page, a year" cleared "$connections" "$base$public_path"
done
echo "load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

# The plans of the year view's statements, as the application sends them: the application started again logging its
# SQL and its parameters, the year view asked twice (the second one counts), each statement on the statistics tables
# explained with its parameters written in.
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
start_with_database "$work/plans.log" --raporto.demo=true \
    --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG --logging.level.org.springframework.jdbc.core.StatementCreatorUtils=TRACE
read -r cleared_email cleared_password cleared_secret < <(demo_account "$work/plans.log" supervisor)
cleared=$(sign_in "$cleared_email" "$cleared_password" "$cleared_secret")
year_view=${views[2]#*|}
page "$cleared" "$year_view" >/dev/null
from=$(wc -l <"$work/plans.log")
page "$cleared" "$year_view" >/dev/null
echo
echo "Statements of $year_view (each run once before, so that its caches are warm):"
tail -n +"$((from + 1))" "$work/plans.log" | ONLY='stats_' logged_statements >"$work/statements.sql"
{ cat "$work/statements.sql"; echo "SELECT 'warm';"; explained <"$work/statements.sql"; } | sql | sed '1,/^warm$/d'

echo
jar=${JAR:-target/raporto.jar}
commit=$([ -z "${JAR:-}" ] && git rev-parse --short HEAD 2>/dev/null || basename "$jar")
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) | $commit | $REPORTS reports, generated in $((generated - started)) s |"
echo "| view | analyst | c | p50 ms | p95 ms | req/s | p95 / baseline | failed |"
echo "|---|---|---|---|---|---|---|---|"
results_table
