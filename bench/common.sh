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

# start_with_database LOG ARGS... : start_app with its data in $work/data and its embedded PostgreSQL on $db_port (both
# ports chosen the first time, so that a second call starts the application again on the same data), then sets $base
# to its address and exports the database's password for sql.
start_with_database() {
    local log=$1; shift
    : "${app_port:=$(free_port)}" "${db_port:=$(free_port)}"
    start_app "$log" --raporto.data-dir="$work/data" --raporto.database.embedded.port="$db_port" "$@"
    base="http://127.0.0.1:$app_port"
    export PGPASSWORD
    PGPASSWORD=$(cat "$work/data/keys/database.password")
}

# sql ARGS... : psql on the database of the application started by start_with_database, quiet and unaligned, stopping
# at the first error.
sql() { psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -qAtX -v ON_ERROR_STOP=1 "$@"; }

# Stops the application started by start_app and removes the scratch directory $work; install with trap cleanup EXIT.
cleanup() {
    if [ -n "${app_pid:-}" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "${nginx_conf:-}" ]; then "$NGINX" -c "$nginx_conf" -p "$work" -s quit 2>/dev/null || true; fi
    rm -rf "$work"
}

# write_measure_lua FILE : a wrk script that counts every answer other than $EXPECT (default 200) as failed and prints
# "RESULT p50_ms p95_ms p99_ms requests failed requests_per_second" when done. With $BODY set it POSTs that form body,
# and with $EXPECT_LOCATION (a Lua pattern) the answer's Location must match it too. With $PATHS (paths separated by
# spaces) it asks for those in turn, each thread from its own place, instead of the URL's path: a set of queries
# measured together, so that no one query's plan or cached pages stand for all.
write_measure_lua() {
    cat >"$1" <<'LUA'
local threads = {}
local paths = {}
for path in (os.getenv("PATHS") or ""):gmatch("%S+") do table.insert(paths, path) end
local expect = tonumber(os.getenv("EXPECT") or "200")
local location = os.getenv("EXPECT_LOCATION") or ""
local body = os.getenv("BODY") or ""
if body ~= "" then
    wrk.method = "POST"
    wrk.body = body
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
failures = 0
function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end
local turn = 0
function init(args) turn = (id or 0) * 7 end
if #paths > 0 then
    function request()
        turn = turn + 1
        return wrk.format(nil, paths[turn % #paths + 1])
    end
end
function response(status, headers, body)
    if status ~= expect or (location ~= "" and not (headers["Location"] or ""):match(location)) then failures = failures + 1 end
end
function done(summary, latency, requests)
    local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
    io.write(string.format("RESULT %.2f %.2f %.2f %d %d %.1f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests, failed, summary.requests / summary.duration * 1e6))
end
LUA
}

# measure NAME GROUP CONNECTIONS URL [WRK-OPTION...] : one wrk run of $DURATION with $work/measure.lua (written by
# write_measure_lua), printed as a row of "name group c p50 p95 p99 req/s ratio requests failed" and added to
# $results. A NAME of "baseline" sets the p95 that the GROUP's later rows at that many connections are divided by, so
# measure each group's baseline first. Sets p50, p95, failed for the caller.
measure() {
    local name=$1 group=$2 connections=$3 url=$4 out p99 requests rps ratio key
    shift 4
    key=$(tr -c 'A-Za-z0-9\n' _ <<<"baseline_${group}_$connections")
    out=$(wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"$DURATION" --timeout 10s --latency "$@" -s "$work/measure.lua" "$url")
    read -r p50 p95 p99 requests failed rps < <(awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}' <<<"$out")
    if [ "$requests" = 0 ]; then # not one answer within the run: no latency to report, and wrk counts no timeout
        p50=">$DURATION" p95=">$DURATION" p99=">$DURATION" failed=1
    fi
    if [ "$name" = baseline ]; then printf -v "$key" '%s' "$p95"; fi
    ratio=$(awk -v a="$p95" -v b="${!key}" 'BEGIN {if (a + 0 > 0) printf "%.1f", a / b; else print "-"}')
    printf '%-24s %-9s %2s %9s %9s %9s %9s %7s %9s %8s\n' "$name" "$group" "$connections" "$p50" "$p95" "$p99" "$rps" "$ratio" "$requests" "$failed" \
        | tee -a "$results"
}

# The header of measure's rows, and the rows of $results as a Markdown table for bench/RESULTS.md.
measure_header() { printf '%-24s %-9s %2s %9s %9s %9s %9s %7s %9s %8s\n' "${1:-endpoint}" "${2:-group}" c "p50 ms" "p95 ms" "p99 ms" "req/s" ratio requests failed; }
results_table() {
    awk '{n = NF; name = $1; for (i = 2; i <= n - 9; i++) name = name " " $i;
          printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, $(n-8), $(n-7), $(n-6), $(n-5), $(n-3), $(n-2), $n}' "$results"
}

# Demo mode (--raporto.demo=true) prints each demo account's e-mail, password and authenticator key in the log.
# demo_account LOG SLUG -> "email password key", the key without the spaces it is printed with.
demo_account() {
    for _ in $(seq 1 60); do grep -q " demo.$2@raporto.invalid " "$1" && break; sleep 0.5; done
    grep -m1 " demo.$2@raporto.invalid " "$1" | awk '{printf "%s %s ", $1, $2; for (i = 3; i <= NF; i++) printf "%s", $i; print ""}'
}

csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p; }

# totp KEY -> the authenticator's code of this 30-second step (RFC 6238, SHA-1, six digits).
totp() {
    python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
secret = sys.argv[1].replace(" ", "").upper()
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}

# sign_in EMAIL PASSWORD KEY -> the session cookie's value, signed in at $base. Password, then the authenticator's code
# of this 30-second step (the server takes the step before and after too). Stops at the first refusal: sign-in is
# throttled after failures, so trying again would only lock the account.
sign_in() {
    local jar="$work/cookies-$1" csrf location
    csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/staff/login" | csrf_of)
    location=$(curl -fsS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode "email=$1" --data-urlencode "password=$2" "$base/staff/login")
    [[ $location == */staff/login/code ]] || { echo "Password refused for $1 (answer: $location)" >&2; exit 1; }
    csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/staff/login/code" | csrf_of)
    location=$(curl -fsS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode "code=$(totp "$3")" "$base/staff/login/code")
    [[ $location == */staff/ ]] || { echo "Code refused for $1 (answer: $location)" >&2; exit 1; }
    awk '$6 == "RAPORTO_SESSION" {print $7}' "$jar"
}

# logged_statements < LOG : the SELECT statements an application started with
#   --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG
#   --logging.level.org.springframework.jdbc.core.StatementCreatorUtils=TRACE
# sent, one a line with its parameters written in (arrays as empty ones, timestamps in the JVM's zone: run psql with
# the same PGTZ), ready for EXPLAIN. Only those matching the regular expression $ONLY (default: all), none matching $SKIP.
# The transaction's SET LOCAL settings come first where they were made, as SET.
logged_statements() {
    python3 -c '
import os, re, sys

only, skip = re.compile(os.environ.get("ONLY", "")), re.compile(os.environ.get("SKIP", "^$"))

def literal(value, kind):
    if kind.startswith("[L"):
        return "'"'"'{}'"'"'"
    if not kind.endswith(("Integer", "Long", "Short", "Double", "Float", "BigDecimal", "Boolean")):
        return "'"'"'" + value.replace("'"'"'", "'"'"''"'"'") + "'"'"'"
    return value

def emit(statement, params):
    if statement is not None and statement.upper().startswith("SET LOCAL "):
        # The settings of the transaction (a plan per statement, page costs), for the session that explains.
        print(re.sub(r"(?i)\bSET LOCAL\b", "SET", statement).rstrip(";") + ";")
        return
    if statement is None or not statement.lstrip("(").upper().startswith(("WITH", "SELECT")):
        return
    if not only.search(statement) or (os.environ.get("SKIP") and skip.search(statement)):
        return
    pieces = statement.split("?")
    print(" ".join((pieces[0] + "".join(literal(*p) + piece for p, piece in zip(params, pieces[1:]))).split()) + ";")

# A log record starts with a date; a statement may span lines (text blocks) and hold "]" itself.
records, record = [], []
for line in sys.stdin:
    if re.match(r"\d{4}-\d\d-\d\d", line) and record:
        records.append("".join(record))
        record = []
    record.append(line)
records.append("".join(record))
statement, params = None, []
for text in records:
    found = re.search(r"Executing prepared SQL statement \[(.*)\]\s*$", text, re.S)
    if found:
        emit(statement, params)
        statement, params = found.group(1), []
    found = re.search(r"parameter value \[(.*)\], value class \[([^\]]+)\]", text, re.S)
    if found:
        params.append((found.group(1), found.group(2)))
emit(statement, params)
'
}

# explained < STATEMENTS : logged_statements' output with each query asked for its plan as run (EXPLAIN ANALYZE,
# BUFFERS), its settings left as they are.
explained() { sed -E 's/^((WITH|SELECT).*)$/EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) \1/'; }
