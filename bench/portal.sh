#!/usr/bin/env bash
# The portal's content pages as readers get them: p50 and p95 latency and requests per second of a starter guide in
# Albanian and English, the manual with its PDF link, the news list and an audience hub, each asked plainly (200, the
# page rendered) and again with the entity tag it was sent (If-None-Match: 304, rendered all the same but nothing sent),
# next to a baseline measured in the same run: the page before reporting (/sq/raporto: the message bundles and one
# query for the categories), the same baseline as bench/search.sh. Runs before 2026-11-29 used the built-in "About
# us" page, which now redirects to the editors' about page. The ratio p95 / baseline p95 is what to compare between machines and commits.
#
#   ./mvnw -DskipTests package && bench/portal.sh
#
# Starts target/raporto.jar on a data directory of its own (the starter content is installed on that first start),
# checks that each page shows what it should, warms up, then measures each page with wrk.
#
# Settings: DURATION (default 10s per measurement), WARMUP (default 90s: on two cores the JIT compiler works for
# minutes), CONNECTIONS (default "1 4"). About five minutes on two cores. Installs wrk from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-90s}
CONNECTIONS=${CONNECTIONS:-1 4}

need wrk wrk

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

app_port=$(free_port)
start_app "$work/app.log" --raporto.data-dir="$work/data"
base="http://127.0.0.1:$app_port"

# name|path|expected text: the pages measured, each checked first for what it must show.
pages=(
    "baseline|/sq/raporto|RAPORTO!"
    "guide sq|/sq/udhezues/si-ta-ndihmoni-femijen-qe-bullizohet-ne-internet|<h1>"
    "guide en|/en/guides/how-to-help-a-child-who-is-bullied-online|<h1>"
    "manual sq|/sq/manuale/manuali-per-mesuesit-programi-internet-me-i-sigurt-ne-klase|Shkarko manualin (PDF,"
    "news sq|/sq/lajme|<h1>Lajme</h1>"
    "hub sq|/sq/per/prinder|<h1>Për prindërit</h1>"
)
declare -A etags
for entry in "${pages[@]}"; do
    IFS='|' read -r name path expected <<<"$entry"
    curl -fsS -D "$work/headers" -o "$work/body" "$base$path"
    grep -qF "$expected" "$work/body" || { echo "$name: $path does not show \"$expected\"" >&2; tail -40 "$work/app.log" >&2; exit 1; }
    etags[$name]=$(awk 'tolower($1) == "etag:" {sub(/\r$/, "", $2); print $2}' "$work/headers")
    if [ "$name" != baseline ]; then
        [ -n "${etags[$name]}" ] || { echo "$name: $path sent no ETag" >&2; exit 1; }
        status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${etags[$name]}" "$base$path")
        [ "$status" = 304 ] || { echo "$name: $path answered $status, not 304, to its own ETag" >&2; exit 1; }
    fi
done

write_measure_lua "$work/measure.lua"

echo "Warming up for $WARMUP"
warm=$(awk -v w="${WARMUP%s}" -v n="${#pages[@]}" 'BEGIN {printf "%d", w / n}')
for entry in "${pages[@]}"; do
    IFS='|' read -r _ path _ <<<"$entry"
    wrk -t2 -c4 -d"${warm}s" "$base$path" >/dev/null
done

results="$work/results"
: >"$results"
printf '%-26s %2s %9s %9s %9s %9s %7s %9s %7s\n' page c "p50 ms" "p95 ms" "p99 ms" "req/s" ratio requests failed
for connections in $CONNECTIONS; do
    baseline=""
    for entry in "${pages[@]}"; do
        IFS='|' read -r name path _ <<<"$entry"
        for conditional in no yes; do
            [ "$name" = baseline ] && [ "$conditional" = yes ] && continue
            label=$name
            headers=()
            export EXPECT=200
            if [ "$conditional" = yes ]; then
                label="$name (304)"
                headers=(-H "If-None-Match: ${etags[$name]}")
                EXPECT=304
            fi
            out=$(wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"$DURATION" --timeout 10s --latency "${headers[@]}" \
                -s "$work/measure.lua" "$base$path")
            read -r p50 p95 p99 requests failed rps < <(awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}' <<<"$out")
            if [ "$name" = baseline ]; then baseline=$p95; fi
            ratio=$(awk -v a="$p95" -v b="$baseline" 'BEGIN {printf "%.1f", a / b}')
            printf '%-26s %2s %9s %9s %9s %9s %7s %9s %7s\n' "$label" "$connections" "$p50" "$p95" "$p99" "$rps" "$ratio" "$requests" "$failed"
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$p50" "$p95" "$rps" "$ratio" "$failed" >>"$results"
        done
    done
done

echo
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) |"
cat "$results"
