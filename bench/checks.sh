#!/usr/bin/env bash
# Online checks per second: how fast the referral job checks watched addresses, next to a baseline measured in the
# same run against the same local web server: wrk fetching the same page with as many connections as the job has
# threads. The ratio job / wrk is what to compare between machines and commits.
#
#   ./mvnw -DskipTests package && bench/checks.sh
#
# Starts nginx on 127.0.0.1 answering 200 with a small page for any path, then target/raporto.jar on its own data
# directory, online, with private addresses allowed (the only server is on loopback) and politeness off (all 10,000
# addresses are on one host, which politeness would hold to one check per second: the bench measures the machinery,
# not the waiting). WATCHES watches (default 10,000) are inserted into the embedded PostgreSQL all due at once, the
# worst case of a backlog, and the script times how long the job takes until every one has been checked once
# (raporto.referral.checks.every is an hour, so none is checked twice meanwhile). Each check is a claim in the batch,
# a GET through the safe fetcher (resolver check, size cap, deadline timer), a hosting-country look-up and a
# transaction recording the outcome.
#
# Settings: WATCHES (default 10000), CONCURRENCY (default 4, the job's pool), BATCH (default 16), DURATION of the
# baseline (default 15s). About two minutes on two cores. Installs wrk, nginx and PostgreSQL's client when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

WATCHES=${WATCHES:-10000}
CONCURRENCY=${CONCURRENCY:-4}
BATCH=${BATCH:-16}
DURATION=${DURATION:-15s}

need wrk wrk
need nginx nginx
need psql postgresql-client
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid=""
nginx_conf=""
trap cleanup EXIT

nginx_port=$(free_port)
nginx_conf="$work/nginx.conf"
cat >"$nginx_conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { default_type text/html; return 200 "<!doctype html><title>Item</title><p>A page that is still online.</p>"; }
    }
}
CONF
"$NGINX" -c "$nginx_conf" -p "$work"
site="http://127.0.0.1:$nginx_port"

start_with_database "$work/app.log" \
    --raporto.outbound.offline=false --raporto.outbound.allow-private=true --raporto.outbound.per-host-interval=0s \
    --raporto.referral.checks.interval=1s --raporto.referral.checks.every=PT1H \
    --raporto.referral.checks.concurrency="$CONCURRENCY" --raporto.referral.checks.batch="$BATCH" \
    --raporto.tracing.worker.enabled=false
echo "Private addresses allowed and politeness off for the run (one local host stands for $WATCHES sites)."

# A short warm-up: the same work on 1,000 watches of their own, which are then set aside.
warm() {
    sql -c "INSERT INTO referral_watch (id, report_id, canonical_url, host, started_at, next_check_at)
            SELECT gen_random_uuid(), gen_random_uuid(), '$site/$1/' || i, '127.0.0.1', now(), now()
            FROM generate_series(1, $2) i"
}
wait_checked() { # prefix count -> seconds taken
    local started now
    started=$(date +%s.%N)
    while [ "$(sql -c "SELECT count(*) FROM referral_watch WHERE canonical_url LIKE '$site/$1/%' AND checks > 0")" -lt "$2" ]; do
        now=$(date +%s.%N)
        if awk -v s="$started" -v n="$now" 'BEGIN {exit !(n - s > 900)}'; then echo "Not all checked in 15 minutes" >&2; exit 1; fi
        sleep 0.2
    done
    awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN {printf "%.2f", n - s}'
}
echo "Warming up with 1,000 watches"
warm warm 1000
wait_checked warm 1000 >/dev/null

echo "Inserting $WATCHES watches, all due now"
warm item "$WATCHES"
seconds=$(wait_checked item "$WATCHES")
checks_per_second=$(awk -v n="$WATCHES" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')
results=$(sql -c "SELECT last_result || ':' || count(*) FROM referral_watch WHERE canonical_url LIKE '$site/item/%' GROUP BY last_result ORDER BY 1" | tr '\n' ' ')

echo "Baseline: wrk, $CONCURRENCY connections, $DURATION, same page"
out=$(wrk -t"$([ "$CONCURRENCY" -ge 2 ] && echo 2 || echo 1)" -c"$CONCURRENCY" -d"$DURATION" "$site/item/1")
wrk_rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
ratio=$(awk -v a="$checks_per_second" -v b="$wrk_rps" 'BEGIN {printf "%.3f", a / b}')

echo
printf '%-26s %10s\n' "" "per second"
printf '%-26s %10s\n' "online checks (job)" "$checks_per_second"
printf '%-26s %10s\n' "plain GETs (wrk)" "$wrk_rps"
echo "$WATCHES checks in ${seconds}s; outcomes: $results"
echo "ratio job/wrk: $ratio"
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) | $WATCHES | $CONCURRENCY | $checks_per_second | $wrk_rps | $ratio |"
