#!/usr/bin/env bash
# Sustained report submissions per second over the JSON API, with p50 and p99, next to a baseline measured in the
# same run on the same database: raw inserts of rows of the same size, by pgbench, with as many connections.
#
#   ./mvnw -DskipTests package && bench/intake.sh
#
# Settings: DURATION (default 30 s), WARMUP (default 120 s), CONNECTIONS (default 16).
# The per-address limits are raised for the run, and the proof of work is switched off (it costs the client, not the
# server: one SHA-256 check and one insert of the spent proof per report when on); the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-120}
CONNECTIONS=${CONNECTIONS:-16}

need wrk wrk
need pgbench postgresql-15

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

app_port=$(free_port)
db_port=$(free_port)
start_app "$work/app.log" --raporto.data-dir="$work/data" --raporto.database.embedded.port="$db_port" \
    --raporto.intake.limits.reports-per-hour=1000000000 --raporto.intake.limits.reports-per-minute=1000000000 \
    --raporto.intake.proof-of-work.enabled=false
echo "Per-address and overall limits raised for the run; proof of work switched OFF for the run"
echo "(it costs the client, not the server: one SHA-256 check and one insert per report when on)."

cat >"$work/report.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"category": "cyberbullying", "urls": ["https://www.instagram.com/p/Cx1234567/?igsh=abc", "tiktok.com/@someone/video/7300000000000000000"], "platform": "instagram", "username": "@someone_who_bullies", "description": "Prej disa javësh një llogari i shkruan vajzës sime komente fyese poshtë çdo fotoje dhe i dërgon mesazhe kërcënuese. Shokët e klasës i shpërndajnë këto komente. Ajo nuk do të shkojë më në shkollë. Kemi bllokuar llogarinë, por ajo hap llogari të reja çdo ditë dhe vazhdon.", "when": "this-week", "childAgeBand": "13-15", "reporterRole": "parent", "language": "sq"}]]
local failures = 0
response = function(status, headers, body)
    if status ~= 201 then failures = failures + 1 end
end
done = function(summary, latency, requests)
    io.write(string.format("NOT201 %d\n", failures))
end
LUA

url="http://127.0.0.1:$app_port/api/v1/reports"
echo "Warming up for ${WARMUP}s"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/report.lua" "$url" >/dev/null
before=$(PGPASSWORD=$(cat "$work/data/keys/database.password") psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -Atc "SELECT count(*) FROM intake_report")
out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/report.lua" "$url")
after=$(PGPASSWORD=$(cat "$work/data/keys/database.password") psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -Atc "SELECT count(*) FROM intake_report")
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
ms() { case "$1" in *us) awk -v v="${1%us}" 'BEGIN {printf "%.2f", v / 1000}' ;; *ms) echo "${1%ms}" ;; *s) awk -v v="${1%s}" 'BEGIN {printf "%.2f", v * 1000}' ;; esac; }
p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
failures=$(awk '/^NOT201/ {print $2}' <<<"$out")

# Baseline: one row per report with what a report stores (about 1.5 KB: key, sealed text, hash, fields) plus its two items.
export PGPASSWORD
PGPASSWORD=$(cat "$work/data/keys/database.password")
psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -qc "CREATE TABLE bench_raw (id uuid PRIMARY KEY, reference text UNIQUE, payload bytea, at timestamptz); CREATE TABLE bench_raw_item (id uuid, position int, url text, PRIMARY KEY (id, position));"
cat >"$work/insert.sql" <<'SQL'
\set n random(1, 1000000000)
WITH report AS (
    INSERT INTO bench_raw VALUES (gen_random_uuid(), 'R-' || :n || '-' || random(), convert_to(repeat(md5(random()::text), 45), 'UTF8'), now())
    RETURNING id)
INSERT INTO bench_raw_item
SELECT report.id, item.position, item.url FROM report,
    (VALUES (0, 'https://www.instagram.com/p/Cx1234567/'), (1, 'https://tiktok.com/@someone/video/7300000000000000000')) AS item (position, url);
SQL
pg_out=$(pgbench -h 127.0.0.1 -p "$db_port" -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$work/insert.sql" raporto 2>&1)
pg_tps=$(awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]}' <<<"$pg_out" | head -1)
ratio=$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN {printf "%.2f", a / b}')

echo "API: $rps reports/s, p50 ${p50} ms, p99 ${p99} ms, answers other than 201: ${failures:-0}, stored during the run: $((after - before))"
echo "pgbench raw inserts of the same size: $pg_tps rows/s"
echo "ratio API/raw: $ratio"
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) | $CONNECTIONS | $rps | $p50 | $p99 | $pg_tps | $ratio |"
