# Shared by the bench scripts: installing tools, free ports, starting the packaged application.

need() { # command debian-package
    command -v "$1" >/dev/null 2>&1 && return
    echo "Installing $2 from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start_app LOG ARGS... : starts $JAR (default target/raporto.jar; another build to compare with) in the background,
# sets app_pid, waits until it is ready on $app_port.
start_app() {
    local log=$1; shift
    local jar=${JAR:-target/raporto.jar}
    [ -f "$jar" ] || { echo "No $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
    java -jar "$jar" --server.port="$app_port" "$@" >>"$log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$app_port/actuator/health/readiness" >/dev/null 2>&1 && return
        kill -0 "$app_pid" 2>/dev/null || { tail -50 "$log" >&2; exit 1; }
        sleep 0.5
    done
    echo "The application did not become ready" >&2
    exit 1
}

# Stops the application started by start_app and removes the scratch directory $work; install with trap cleanup EXIT.
cleanup() {
    if [ -n "${app_pid:-}" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "${nginx_conf:-}" ]; then "$NGINX" -c "$nginx_conf" -p "$work" -s quit 2>/dev/null || true; fi
    rm -rf "$work"
}

# write_measure_lua FILE : a wrk script that counts every answer other than $EXPECT (default 200) as failed and prints
# "RESULT p50_ms p95_ms p99_ms requests failed requests_per_second" when done.
write_measure_lua() {
    cat >"$1" <<'LUA'
local threads = {}
local expect = tonumber(os.getenv("EXPECT") or "200")
failures = 0
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
    if status ~= expect then failures = failures + 1 end
end
function done(summary, latency, requests)
    local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
    io.write(string.format("RESULT %.2f %.2f %.2f %d %d %.1f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests, failed, summary.requests / summary.duration * 1e6))
end
LUA
}
