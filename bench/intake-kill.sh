#!/usr/bin/env bash
# Fault test: kills the application with SIGKILL in the middle of a burst of reports, starts it again on the same
# data, and counts that every report that was acknowledged (HTTP 201 with a reference) is there.
#
#   ./mvnw -DskipTests package && bench/intake-kill.sh
#
# Settings: REPORTS (default 4000 attempted), CONCURRENCY (default 16), KILL_AFTER (seconds, default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

REPORTS=${REPORTS:-4000}
CONCURRENCY=${CONCURRENCY:-16}
KILL_AFTER=${KILL_AFTER:-5}

need psql postgresql-client

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

app_port=$(free_port)
db_port=$(free_port)
args=(--raporto.data-dir="$work/data" --raporto.database.embedded.port="$db_port"
      --raporto.intake.limits.reports-per-hour=1000000000 --raporto.intake.limits.reports-per-minute=1000000000
      --raporto.intake.proof-of-work.enabled=false)
echo "Limits raised and proof of work switched off for the run: what is measured is whether acknowledged reports survive."
start_app "$work/app.log" "${args[@]}"

cat >"$work/send.sh" <<SEND
#!/usr/bin/env bash
# One report; its reference is recorded only when the server acknowledged it with 201.
answer=\$(curl -s -m 10 -o - -w '\n%{http_code}' -X POST "http://127.0.0.1:$app_port/api/v1/reports" \\
    -H 'Content-Type: application/json' -H "Idempotency-Key: \$(cat /proc/sys/kernel/random/uuid)" \\
    --data '{"category": "other", "urls": ["https://example.com/kill-test/'"\$1"'"], "description": "Kill test report '"\$1"'", "language": "en"}' || true)
if [ "\$(tail -n1 <<<"\$answer")" = "201" ]; then
    head -n1 <<<"\$answer" | sed -E 's/.*"reference":"([^"]+)".*/\1/' >>"$work/acknowledged.txt"
fi
SEND
chmod +x "$work/send.sh"
touch "$work/acknowledged.txt"

echo "Sending up to $REPORTS reports with $CONCURRENCY at a time; SIGKILL to the application after ${KILL_AFTER}s"
seq 1 "$REPORTS" | xargs -P "$CONCURRENCY" -n 1 "$work/send.sh" &
burst=$!
sleep "$KILL_AFTER"
kill -KILL "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
wait "$burst" || true
acknowledged=$(wc -l <"$work/acknowledged.txt")

echo "Starting again on the same data (the killed run's PostgreSQL is stopped first)"
start_app "$work/app2.log" "${args[@]}"
found=$(PGPASSWORD=$(cat "$work/data/keys/database.password") psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -At <<SQL | tail -n1
CREATE TEMP TABLE acknowledged (reference text);
\copy acknowledged FROM '$work/acknowledged.txt'
SELECT count(*) FROM acknowledged a JOIN intake_report r ON r.reference = a.reference;
SQL
)
lost=$((acknowledged - found))
echo "acknowledged $acknowledged, found $found, lost $lost"
[ "$lost" -eq 0 ] && [ "$acknowledged" -gt 0 ]
