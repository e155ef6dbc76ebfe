#!/usr/bin/env bash
# Requests per second and p99 latency of the home page, against nginx serving the same HTML as a static file on
# the same machine in the same run: the ratio is what to compare between machines and commits.
#
#   bench/pages.sh            start target/raporto.jar (build it first: ./mvnw -DskipTests package)
#   bench/pages.sh URL        measure a running Raporto at URL (e.g. http://127.0.0.1:8080/sq/)
#
# Settings: DURATION (default 20s), WARMUP (default 180s: on two
# cores the JIT compiler works for minutes before the server reaches its steady speed), CONNECTIONS (default 64), THREADS (default 2).
# Builds nothing; installs wrk and nginx from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-180s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

. bench/common.sh
need wrk wrk
need nginx nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid=""
nginx_conf=""
trap cleanup EXIT

if [ $# -ge 1 ]; then
    target=$1
else
    app_port=$(free_port)
    start_app "$work/app.log" --raporto.data-dir="$work/data"
    target="http://127.0.0.1:$app_port/sq/"
fi

mkdir -p "$work/www"
curl -fs "$target" -o "$work/www/index.html"
nginx_port=$(free_port)
nginx_conf="$work/nginx.conf"
cat >"$nginx_conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location / { default_type text/html; try_files /index.html =404; }
    }
}
CONF
"$NGINX" -c "$nginx_conf" -p "$work"
baseline="http://127.0.0.1:$nginx_port/"

measure() { # url -> "requests_per_second p99_ms"
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
    local rps p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    case "$p99" in
        *us) p99=$(awk -v v="${p99%us}" 'BEGIN {printf "%.2f", v / 1000}') ;;
        *ms) p99=${p99%ms} ;;
        *s) p99=$(awk -v v="${p99%s}" 'BEGIN {printf "%.2f", v * 1000}') ;;
    esac
    echo "$rps $p99"
}

echo "Page: $target ($(wc -c <"$work/www/index.html") bytes); $CONNECTIONS connections, $THREADS wrk threads, $DURATION each"
echo "Warming up Raporto for $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$target" >/dev/null
read -r raporto_rps raporto_p99 < <(measure "$target")
read -r nginx_rps nginx_p99 < <(measure "$baseline")
ratio=$(awk -v a="$raporto_rps" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a / b}')

printf '%-10s %12s %10s\n' "server" "requests/s" "p99 ms"
printf '%-10s %12s %10s\n' "raporto" "$raporto_rps" "$raporto_p99"
printf '%-10s %12s %10s\n' "nginx" "$nginx_rps" "$nginx_p99"
echo "ratio raporto/nginx (requests/s): $ratio"
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) | $raporto_rps | $raporto_p99 | $nginx_rps | $nginx_p99 | $ratio |"
