#!/usr/bin/env bash
# The emulator's benchmarks: prints every figure of docs/benchmarks.md. Not a test: nothing fails
# on a slow figure. About 20 minutes on two cores (--quick: no 1 M store, shorter loads).
#
#   bench/run.sh [--quick] [start] [peers] [throughput] [lists] [lag]   (no section named: all of them)
#
# peers: the emulator beside Prism (@stoplight/prism-cli, npm) and WireMock standalone (Maven
# Central) in one run: cold starts, idle memory, GET detail throughput, then a "ratios" block
# (with the lag section's p99 when it ran too). Both peers are installed on first use into
# target/bench-peers (BENCH_PEERS_CACHE to put them elsewhere); 4 to 7 minutes with --quick.
#
# Uses target/cinder-backups-emulator.jar (built if missing), wrk from Debian (installed with
# apt-get if missing), bench/Bench.java for what wrk can't measure, H2's RunScript (from the jar)
# to seed stores with SQL, and Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64 for the AOT cache.
# Stores are file-backed H2 (--emulator.data-dir) under target/bench, seeded while the emulator is
# stopped; the throughput runs use the default JVM and settings unless a line says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=no
SECTIONS=""
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=yes ;;
        start | peers | throughput | lists | lag) SECTIONS="$SECTIONS $arg" ;;
        *) echo "usage: $0 [--quick] [start] [peers] [throughput] [lists] [lag]" >&2; exit 2 ;;
    esac
done
[ -n "$SECTIONS" ] || SECTIONS=" start peers throughput lists lag"
section() { [[ "$SECTIONS" == *" $1"* ]]; }
DURATION=${BENCH_DURATION:-10s}
[ "$QUICK" = yes ] && DURATION=5s
JAVA=${JAVA:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OUT=$PWD/target/bench
JAR=target/cinder-backups-emulator.jar
APP=$OUT/app

# The emulator's fastest documented start (docs/benchmarks.md), which the peers section holds
# against Prism: change FAST_START (and its label, and FAST_TRAIN, the training run that makes
# what it needs, or () when it needs none) when a faster path is documented. Both get the
# emulator's arguments appended.
FAST_LABEL="Spring AOT + AOT cache + C1, JVM 25"
FAST_START=("$JAVA25" -XX:AOTCache="$APP/app-spring.aot" -Xlog:aot*=error -XX:TieredStopAtLevel=1
    -Dspring.aot.enabled=true -jar "$APP/cinder-backups-emulator.jar")
FAST_TRAIN=("$JAVA25" -XX:AOTCacheOutput="$APP/app-spring.aot" -Dspring.aot.enabled=true
    -jar "$APP/cinder-backups-emulator.jar")
# The peers, installed by the peers section when missing.
PRISM_VERSION=${PRISM_VERSION:-5.16.0}
WIREMOCK_VERSION=${WIREMOCK_VERSION:-3.13.2}
PEERS=${BENCH_PEERS_CACHE:-$PWD/target/bench-peers}
PRISM=$PEERS/prism-$PRISM_VERSION/node_modules/.bin/prism
WIREMOCK_JAR=$PEERS/wiremock-standalone-$WIREMOCK_VERSION.jar

rm -rf "$OUT"
mkdir -p "$OUT"
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
if ! command -v wrk >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null
fi
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
H2=$(ls "$APP"/lib/h2-*.jar)
BENCH="$JAVA bench/Bench.java"

hex() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
rss() { awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$1/status"; }
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
PROJECT=$(hex)
TOKEN="admin:$PROJECT"
EMULATOR_ARGS=(--emulator.auth.mode=noauth --spring.jmx.enabled=false --logging.level.root=WARN)

echo "== machine"
echo "nproc: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2}') GiB; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
lscpu | head -n 15 | sed 's/^/  /'
"$JAVA" -version 2>&1 | head -n 1 | sed 's/^/  java: /'
[ -x "$JAVA25" ] && "$JAVA25" -version 2>&1 | head -n 1 | sed 's/^/  java 25: /'

# ---------------------------------------------------------------- cold start
if section start; then
echo
echo "== cold start: spawn to the first 200 of GET /v3/ with a token (in-memory store; median of 3)"
P=$(free_port)
RUN=("${EMULATOR_ARGS[@]}" --server.port="$P")
printf '  %-44s ' "plain JVM 17, java -jar (fat jar):"
$BENCH start 3 "$TOKEN" -- "$JAVA" -jar "$JAR" "${RUN[@]}"
printf '  %-44s ' "plain JVM 17, extracted jar:"
$BENCH start 3 "$TOKEN" -- "$JAVA" -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
$BENCH train "$TOKEN" -- "$JAVA" -XX:ArchiveClassesAtExit="$APP/app.jsa" -jar "$APP/cinder-backups-emulator.jar" \
    "${RUN[@]}" >"$OUT/cds-training.log" 2>&1
printf '  %-44s ' "CDS, JVM 17 (-XX:SharedArchiveFile):"
$BENCH start 3 "$TOKEN" -- "$JAVA" -XX:SharedArchiveFile="$APP/app.jsa" -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
printf '  %-44s ' "CDS + -XX:TieredStopAtLevel=1, JVM 17:"
$BENCH start 3 "$TOKEN" -- "$JAVA" -XX:SharedArchiveFile="$APP/app.jsa" -XX:TieredStopAtLevel=1 \
    -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
# Spring AOT: the bean definitions process-aot generated at build time (the jar carries them).
SPRING_AOT=-Dspring.aot.enabled=true
$BENCH train "$TOKEN" -- "$JAVA" -XX:ArchiveClassesAtExit="$APP/app-spring-aot.jsa" $SPRING_AOT \
    -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}" >"$OUT/cds-spring-aot-training.log" 2>&1
printf '  %-44s ' "Spring AOT + CDS + C1, JVM 17:"
$BENCH start 3 "$TOKEN" -- "$JAVA" -XX:SharedArchiveFile="$APP/app-spring-aot.jsa" -XX:TieredStopAtLevel=1 \
    $SPRING_AOT -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
if [ -x "$JAVA25" ]; then
    $BENCH train "$TOKEN" -- "$JAVA25" -XX:AOTCacheOutput="$APP/app.aot" -jar "$APP/cinder-backups-emulator.jar" \
        "${RUN[@]}" >"$OUT/aot-training.log" 2>&1
    printf '  %-44s ' "plain JVM 25, extracted jar:"
    $BENCH start 3 "$TOKEN" -- "$JAVA25" -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
    printf '  %-44s ' "AOT cache, JVM 25 (-XX:AOTCache):"
    $BENCH start 3 "$TOKEN" -- "$JAVA25" -XX:AOTCache="$APP/app.aot" -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
    printf '  %-44s ' "AOT cache + -XX:TieredStopAtLevel=1, JVM 25:"
    $BENCH start 3 "$TOKEN" -- "$JAVA25" -XX:AOTCache="$APP/app.aot" -XX:TieredStopAtLevel=1 \
        -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
    # The Docker image's start: Spring AOT and the AOT cache (trained with Spring AOT on).
    $BENCH train "$TOKEN" -- "$JAVA25" -XX:AOTCacheOutput="$APP/app-spring.aot" $SPRING_AOT \
        -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}" >"$OUT/aot-spring-training.log" 2>&1
    printf '  %-44s ' "Spring AOT + AOT cache, JVM 25 (Docker):"
    $BENCH start 3 "$TOKEN" -- "$JAVA25" -XX:AOTCache="$APP/app-spring.aot" -Xlog:aot*=error $SPRING_AOT \
        -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
    printf '  %-44s ' "Spring AOT + AOT cache + C1, JVM 25:"
    $BENCH start 3 "$TOKEN" -- "$JAVA25" -XX:AOTCache="$APP/app-spring.aot" -Xlog:aot*=error \
        -XX:TieredStopAtLevel=1 $SPRING_AOT -jar "$APP/cinder-backups-emulator.jar" "${RUN[@]}"
fi

fi

# ---------------------------------------------------------------- stores seeded with SQL
# A store is created by one emulator start that exits once Flyway has migrated it, then filled
# with INSERT ... SELECT FROM SYSTEM_RANGE (ids are UUID-shaped, created_at one millisecond apart).
migrate() {
    "$JAVA" -Dspring.context.exit=onRefresh -jar "$APP/cinder-backups-emulator.jar" "${EMULATOR_ARGS[@]}" \
        --server.port=0 --emulator.data-dir="$1" >"$OUT/migrate.log" 2>&1
}
sql() { "$JAVA" -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:file:$1/cinder" -user sa -script "$2"; }
uuid() { echo "LPAD('$1', 8, '0') || '-0000-4000-8000-' || LPAD(CAST($2 AS VARCHAR), 12, '0')"; }
backups_sql() { # project volume group from to status
    cat <<SQL
INSERT INTO backups (id, project_id, user_id, volume_id, display_name, status, size, object_count, container,
    availability_zone, service, host, data_timestamp, num_dependent_backups, finished_at, metadata, created_at,
    updated_at, version)
SELECT $(uuid "$3" X), '$1', 'bench', '$2', 'backup-' || X, 'available', 1, 21, 'volumebackups', 'nova',
    'cinder.backup.drivers.swift.SwiftBackupDriver', 'emulator@backup',
    DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'), 0,
    DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'), '{}',
    DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'),
    DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'), 0
FROM SYSTEM_RANGE($4, $5);
SQL
}
volumes_sql() { # project group count status
    cat <<SQL
INSERT INTO volumes (id, project_id, user_id, display_name, status, previous_status, size, availability_zone,
    volume_type, bootable, multiattach, metadata, created_at, updated_at, version)
SELECT $(uuid "$2" X), '$1', 'bench', 'volume-' || X, '$4', 'available', 1, 'nova', '__DEFAULT__', FALSE, FALSE,
    '{}', DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'),
    DATEADD('MILLISECOND', X, TIMESTAMP '2026-01-01 00:00:00'), 0
FROM SYSTEM_RANGE(1, $3);
SQL
}

start_emulator() { # data-dir ("" for the default in-memory store), extra args...; sets EMU_PID and EMU_PORT
    local dir=$1
    shift
    EMU_PORT=$(free_port)
    # shellcheck disable=SC2086 # $JAVA may carry JVM flags
    $JAVA -jar "$APP/cinder-backups-emulator.jar" "${EMULATOR_ARGS[@]}" --server.port="$EMU_PORT" \
        ${dir:+--emulator.data-dir="$dir"} "$@" >"$OUT/emulator-$EMU_PORT.log" 2>&1 &
    EMU_PID=$!
    for _ in $(seq 1 1200); do
        kill -0 "$EMU_PID" 2>/dev/null || break
        if (exec 3<>"/dev/tcp/127.0.0.1/$EMU_PORT") 2>/dev/null; then
            return
        fi
        sleep 0.1
    done
    echo "emulator did not start, see $OUT/emulator-$EMU_PORT.log" >&2
    exit 1
}
stop_emulator() { kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; }
wrk_line() { # label, wrk args...
    local label=$1
    shift
    local out
    out=$(wrk "$@" 2>&1) || { echo "wrk $*: $out" >&2; exit 1; }
    local rate p50 p99 errors
    rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    printf '  %-46s %8s req/s, p50 %s, p99 %s%s\n' "$label" "$rate" "$p50" "$p99" \
        "${errors:+, $errors non-2xx answers}"
    WRK_RATE=$rate
    echo "$out" >>"$OUT/wrk.log"
}

# ---------------------------------------------------------------- the emulator beside its peers
# Prism (a Node mock server, on the same OpenAPI file) and WireMock standalone (request journal
# off, serving the emulator's own answer for 10 backups), each started as its users start it:
# default settings, and for the emulator only the noauth mode the requests need (its user:project
# tokens). Prints the figures, then the "ratios" block at the end of the run.
rss_tree() { # resident memory of a process and its children, MiB
    local total=0 pid
    for pid in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
        total=$((total + $(rss "$pid" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
PEER_PIDS=()
peer_up() { # log name, path that answers 200 when ready, command... ({PORT}: the port); sets PEER_PID, PEER_PORT
    local name=$1 path=$2 arg attempt
    shift 2
    for attempt in 1 2 3; do # another port when the first was taken meanwhile (the machine is shared)
        PEER_PORT=$(free_port)
        local command=()
        for arg in "$@"; do command+=("${arg//\{PORT\}/$PEER_PORT}"); done
        "${command[@]}" >"$OUT/peer-$name.log" 2>&1 &
        PEER_PID=$!
        PEER_PIDS+=("$PEER_PID")
        if $BENCH ready "$PEER_PORT" "$PEER_TOKEN" "$path" "$PEER_PID"; then
            return
        fi
        wait "$PEER_PID" 2>/dev/null || true
        grep -qiE 'already in use|failed to bind|EADDRINUSE' "$OUT/peer-$name.log" || break
    done
    echo "$name did not start, see $OUT/peer-$name.log:" >&2
    tail -n 20 "$OUT/peer-$name.log" >&2
    exit 1
}
peers_down() {
    local pid
    for pid in "${PEER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PEER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PEER_PIDS=()
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
if section peers; then
echo
echo "== peers: the emulator beside Prism $PRISM_VERSION (mock of openapi/cinder-backups.yaml) and WireMock $WIREMOCK_VERSION"
mkdir -p "$PEERS"
if [ ! -x "$PRISM" ]; then
    echo "  (installing @stoplight/prism-cli@$PRISM_VERSION into $PEERS with npm)"
    npm install --prefix "$PEERS/prism-$PRISM_VERSION" --no-audit --no-fund --loglevel=error \
        "@stoplight/prism-cli@$PRISM_VERSION" >"$OUT/npm-install.log" 2>&1 || { cat "$OUT/npm-install.log" >&2; exit 1; }
fi
if [ ! -f "$WIREMOCK_JAR" ]; then
    echo "  (copying org.wiremock:wiremock-standalone:$WIREMOCK_VERSION into $PEERS with ./mvnw)"
    ./mvnw -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
        -DoutputDirectory="$PEERS"
fi
FAST=no
if [ -x "${FAST_START[0]}" ]; then
    FAST=yes
    # The start section made it already when it ran (same file, same extracted jar).
    if [ "${#FAST_TRAIN[@]}" -gt 0 ] && [ ! -f "$APP/app-spring.aot" ]; then
        $BENCH train "$TOKEN" -- "${FAST_TRAIN[@]}" "${EMULATOR_ARGS[@]}" --server.port=0 \
            >"$OUT/fast-training.log" 2>&1
    fi
fi
trap 'peers_down' EXIT
PEER_PROJECT=$(hex)
PEER_TOKEN="admin:$PEER_PROJECT"
DETAIL_PATH=/v3/$PEER_PROJECT/backups/detail
# Prism 5.16 answers that project-scoped path with a 500 (NO_RESPONSE_RESPONSE_DEFINED: it finds no
# response in the project-scoped copy of the operation, which the spec writes with YAML merge
# keys), so it is loaded on the project-less twin, the same operation, where it answers the
# spec's example (one backup, not ten).
PRISM_DETAIL=/v3/backups/detail
WM_ROOT=$OUT/wiremock
mkdir -p "$WM_ROOT/mappings" "$WM_ROOT/__files"
EMULATOR=("$JAVA" -jar "$JAR" --emulator.auth.mode=noauth --server.port={PORT})
WIREMOCK=("$JAVA" -jar "$WIREMOCK_JAR" --port {PORT} --bind-address 127.0.0.1 --no-request-journal
    --root-dir "$WM_ROOT" --disable-banner)
PRISM_MOCK=("$PRISM" mock -h 127.0.0.1 -p {PORT} openapi/cinder-backups.yaml)
echo "  emulator: ${EMULATOR[*]}"
echo "  WireMock: ${WIREMOCK[*]}"
echo "  Prism:    ${PRISM_MOCK[*]}"
if [ "$FAST" = yes ]; then
    echo "  emulator, fastest documented start ($FAST_LABEL): ${FAST_START[*]} ..."
fi

echo
ROUNDS=3
echo "  idle resident memory (VmRSS, the process and its children) 5 s after the first 200; started"
echo "  one after the other, then left running side by side for the loads"
# The emulator first: its 10 backups, seeded through the API, become WireMock's stub (the same
# body and headers, for the same path).
peer_up emulator /v3/ "${EMULATOR[@]}"
EMULATOR_PORT=$PEER_PORT
sleep 5
RSS_EMULATOR=$(rss_tree "$PEER_PID")
printf '    %-44s %5s MiB\n' "emulator (plain java -jar, JVM 17):" "$RSS_EMULATOR"
$BENCH seed "$EMULATOR_PORT" "$PEER_TOKEN" 10 10 "$OUT/peer-volumes"
STUB=$($BENCH stub "$EMULATOR_PORT" "$PEER_TOKEN" "$DETAIL_PATH" "$WM_ROOT/mappings/backups-detail.json")
peer_up wiremock "$DETAIL_PATH" "${WIREMOCK[@]}"
WIREMOCK_PORT=$PEER_PORT
sleep 5
RSS_WIREMOCK=$(rss_tree "$PEER_PID")
printf '    %-44s %5s MiB\n' "WireMock (journal off):" "$RSS_WIREMOCK"
peer_up prism /v3/ "${PRISM_MOCK[@]}"
PRISM_PORT=$PEER_PORT
sleep 5
RSS_PRISM=$(rss_tree "$PEER_PID")
printf '    %-44s %5s MiB\n' "Prism:" "$RSS_PRISM"
PRISM_ANSWER=$($BENCH get "$PRISM_PORT" "$PEER_TOKEN" "$PRISM_DETAIL")

echo
echo "  GET .../backups/detail: wrk -t2 -c16 -d$DURATION --latency, after two runs of warm-up each, then $ROUNDS rounds"
echo "  (each round loads every server once, in an order that rotates; the others sit idle meanwhile)"
echo "    emulator: GET $DETAIL_PATH ($STUB)"
echo "    WireMock: the same path, stubbed with that answer"
echo "    Prism:    GET $PRISM_DETAIL (status and bytes: $PRISM_ANSWER)"
NAMES=(emulator WireMock Prism)
URLS=("http://127.0.0.1:$EMULATOR_PORT$DETAIL_PATH" "http://127.0.0.1:$WIREMOCK_PORT$DETAIL_PATH"
    "http://127.0.0.1:$PRISM_PORT$PRISM_DETAIL")
RATES=("" "" "")
# Two runs of warm-up each, the same for all three (the JVMs' JIT needs it; one was not enough for
# the emulator on a busy machine: it still gained 3x from round to round).
for i in 0 1 2 0 1 2; do
    wrk -t2 -c16 -d"$DURATION" -H "X-Auth-Token: $PEER_TOKEN" "${URLS[$i]}" >/dev/null 2>&1 || true
done
LOGS=(emulator wiremock prism)
for round in $(seq 1 "$ROUNDS"); do
    for k in 0 1 2; do
        i=$(( (k + round - 1) % 3 ))
        kill -0 "${PEER_PIDS[$i]}" 2>/dev/null || { echo "${NAMES[$i]} has ended, see $OUT/peer-${LOGS[$i]}.log" >&2; exit 1; }
        wrk_line "round $round, ${NAMES[$i]}:" -t2 -c16 -d"$DURATION" --latency -H "X-Auth-Token: $PEER_TOKEN" "${URLS[$i]}"
        RATES[$i]="${RATES[$i]} $WRK_RATE"
    done
done
RATE_EMULATOR=$(echo "${RATES[0]}" | median)
RATE_WIREMOCK=$(echo "${RATES[1]}" | median)
RATE_PRISM=$(echo "${RATES[2]}" | median)
for i in 0 1 2; do
    printf '  %-46s %8s req/s (median of%s)\n' "${NAMES[$i]}:" "$(echo "${RATES[$i]}" | median)" "${RATES[$i]}"
done
peers_down

echo
echo "  cold start, spawn to the first 200 (median of 3; interleaved: each round starts every server"
echo "  once, in an order that rotates from round to round)"
# The request each one is asked until it answers 200: GET /v3/ (with a token) for the emulator,
# as in the start section, and for Prism, which answers it from the spec's example as soon as it
# listens; for WireMock the stubbed detail path, since it has no /v3/ (it would answer 404) and
# the stub's 200 shows its mappings are loaded, i.e. that it serves what it is there for.
RACE=(:: "Prism" /v3/ "${PRISM_MOCK[@]}"
    :: "WireMock" "$DETAIL_PATH" "${WIREMOCK[@]}"
    :: "emulator, plain java -jar, JVM 17" /v3/ "${EMULATOR[@]}")
if [ "$FAST" = yes ]; then
    RACE+=(:: "emulator, $FAST_LABEL" /v3/ "${FAST_START[@]}" --emulator.auth.mode=noauth --server.port={PORT})
fi
$BENCH race 3 "$PEER_TOKEN" "$OUT/race.tsv" "${RACE[@]}"
trap - EXIT
fi

# ---------------------------------------------------------------- throughput and memory
if section throughput; then
echo
echo "== throughput on loopback: wrk -t2 -c16 -d$DURATION --latency, after $DURATION of the same load as warm-up"
# The default store (in-memory H2), seeded through the API: 10 backups, a 1000-backup project,
# and a pool of volumes that the creates back up one after the other (no volume is ever busy).
DETAIL=$(hex)
PAGE=$(hex)
CREATE=$(hex)
# Quotas unlimited (-1, as a load test configures Cinder): a finite quota costs a count of the
# project's rows per create, which grows with the thousands of backups this load makes.
start_emulator "" --emulator.quotas.backups=-1 --emulator.quotas.backup-gigabytes=-1 \
    --emulator.quotas.volumes=-1 --emulator.quotas.gigabytes=-1 \
    --emulator.timing.volume-create=0s --emulator.timing.backup-create=0s
sleep 5
IDLE=$(rss "$EMU_PID")
$BENCH seed "$EMU_PORT" "admin:$DETAIL" 10 10 "$OUT/detail-volumes"
$BENCH seed "$EMU_PORT" "admin:$PAGE" 1000 1000 "$OUT/page-volumes"
POOL=30000
[ "$QUICK" = yes ] && POOL=15000
$BENCH seed "$EMU_PORT" "admin:$CREATE" "$POOL" 0 "$OUT/create-volumes"
URL=http://127.0.0.1:$EMU_PORT
( peak=0; while kill -0 "$EMU_PID" 2>/dev/null; do r=$(rss "$EMU_PID" 2>/dev/null || echo 0);
    [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$OUT/rss-peak"; sleep 1; done ) &
SAMPLER=$!
measure() { # label, wrk args...: a warm-up run, then the measured one
    local label=$1
    shift
    wrk "$@" >/dev/null 2>&1 || true
    wrk_line "$label" "$@"
}
measure "GET /v3/backups/detail (10 backups):" -t2 -c16 -d"$DURATION" --latency \
    -H "X-Auth-Token: admin:$DETAIL" "$URL/v3/backups/detail"
measure "GET /v3/backups (a 1000-item page):" -t2 -c16 -d"$DURATION" --latency \
    -H "X-Auth-Token: admin:$PAGE" "$URL/v3/backups"
create_script() { # token, volume-id file, first volume index → a wrk script that backs each volume up once
    cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = "$1"
local volumes = {}
for line in io.lines("$2") do volumes[#volumes + 1] = line end
local threads = 0
function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end
local n = $3
function request()
    n = n + 1
    local volume = volumes[(n * 2 + tid) % #volumes + 1]
    return wrk.format(nil, "/v3/backups", nil, '{"backup": {"volume_id": "' .. volume .. '"}}')
end
LUA
}
# Warm-up on the first half of the pool, measured on the second: each volume is backed up once.
create_script "admin:$CREATE" "$OUT/create-volumes" 0 >"$OUT/create-warm.lua"
create_script "admin:$CREATE" "$OUT/create-volumes" $((POOL / 4)) >"$OUT/create.lua"
wrk -t2 -c16 -d3s -s "$OUT/create-warm.lua" "$URL" >/dev/null 2>&1 || true
wrk_line "POST /v3/backups (creates):" -t2 -c16 -d"$DURATION" --latency -s "$OUT/create.lua" "$URL"
kill "$SAMPLER" 2>/dev/null || true
PEAK=$(cat "$OUT/rss-peak" 2>/dev/null || echo '?')
stop_emulator

# Durable store (--emulator.data-dir): every commit is written to the file before the answer.
STORE=$OUT/store-throughput
migrate "$STORE"
DURABLE=$(hex)
volumes_sql "$DURABLE" "3" 30000 available >"$OUT/seed-throughput.sql"
sql "$STORE" "$OUT/seed-throughput.sql"
seq 1 30000 | awk '{printf "00000003-0000-4000-8000-%012d\n", $1}' >"$OUT/durable-volumes"
start_emulator "$STORE" --emulator.quotas.backups=-1 --emulator.quotas.backup-gigabytes=-1 \
    --emulator.timing.backup-create=0s
create_script "admin:$DURABLE" "$OUT/durable-volumes" 0 >"$OUT/create-warm.lua"
create_script "admin:$DURABLE" "$OUT/durable-volumes" 7500 >"$OUT/create.lua"
wrk -t2 -c16 -d3s -s "$OUT/create-warm.lua" "http://127.0.0.1:$EMU_PORT" >/dev/null 2>&1 || true
wrk_line "POST /v3/backups, durable store (data-dir):" -t2 -c16 -d"$DURATION" --latency -s "$OUT/create.lua" \
    "http://127.0.0.1:$EMU_PORT"
stop_emulator

echo
echo "== resident memory (VmRSS)"
echo "  default JVM flags, idle 5 s after start:             ${IDLE} MiB"
echo "  default JVM flags, peak under the loads above:       ${PEAK} MiB"
JAVA_SAVED=$JAVA
JAVA="$JAVA -XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m"
start_emulator ""
sleep 5
echo "  $(echo "$JAVA" | cut -d' ' -f2-)"
echo "    idle 5 s after start:                              $(rss "$EMU_PID") MiB"
$BENCH seed "$EMU_PORT" "admin:$DETAIL" 10 10 "$OUT/detail-volumes"
measure "    same flags, GET /v3/backups/detail:" -t2 -c16 -d"$DURATION" --latency \
    -H "X-Auth-Token: admin:$DETAIL" "http://127.0.0.1:$EMU_PORT/v3/backups/detail"
echo "    right after that load:                             $(rss "$EMU_PID") MiB"
stop_emulator
if [ -x "$JAVA25" ]; then
    # The Docker image's start (JDK 25, Spring AOT, the AOT cache when the start section made one)
    # with the same small-footprint flags; RssAnon leaves out the mapped jar and cache files.
    CACHE=""
    [ -f "$APP/app-spring.aot" ] && CACHE="-XX:AOTCache=$APP/app-spring.aot -Xlog:aot*=error"
    JAVA="$JAVA25 $CACHE -Dspring.aot.enabled=true -XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m"
    start_emulator ""
    sleep 5
    echo "  JDK 25, Spring AOT${CACHE:+, AOT cache}, the same flags"
    echo "    idle 5 s after start:                              $(rss "$EMU_PID") MiB (anonymous: $(awk '/^RssAnon:/ {print int($2 / 1024)}' "/proc/$EMU_PID/status") MiB)"
    stop_emulator
fi
JAVA=$JAVA_SAVED
fi

# ---------------------------------------------------------------- list cost as the store grows
if section lists; then
echo
echo "== list cost as the store grows: a marker-paged walk of GET /v3/backups?limit=1000, one project"
STORE=$OUT/store-lists
migrate "$STORE"
LISTS=$(hex)
FROM=1
SIZES="10000 100000 1000000"
[ "$QUICK" = yes ] && SIZES="10000 100000"
for SIZE in $SIZES; do
    backups_sql "$LISTS" v "4" "$FROM" "$SIZE" >"$OUT/seed-lists.sql"
    SEEDED=$(date +%s)
    sql "$STORE" "$OUT/seed-lists.sql"
    FROM=$((SIZE + 1))
    start_emulator "$STORE"
    printf '  %-9s ' "$SIZE:"
    $BENCH walk "$EMU_PORT" "admin:$LISTS" | sed "s/\$/ (seeded in $(( $(date +%s) - SEEDED )) s)/"
    stop_emulator
done
fi

# ---------------------------------------------------------------- scheduler lag
if section lag; then
echo
echo "== scheduler lag: 100 000 backups in flight, due evenly over 60 s; lag = done - due"
STORE=$OUT/store-lag
migrate "$STORE"
LAG=$(hex)
START_AT=$(date -u -d '+40 seconds' '+%Y-%m-%d %H:%M:%S')
{
    volumes_sql "$LAG" "5" 100000 backing-up
    cat <<SQL
INSERT INTO backups (id, project_id, user_id, volume_id, display_name, status, size, object_count, container,
    availability_zone, service, host, data_timestamp, num_dependent_backups, metadata, created_at, updated_at,
    version)
SELECT $(uuid 6 X), '$LAG', 'bench', $(uuid 5 X), 'backup-' || X, 'creating', 1, 0, NULL, 'nova',
    'cinder.backup.drivers.swift.SwiftBackupDriver', 'emulator@backup',
    DATEADD('MICROSECOND', X * 600, TIMESTAMP '$START_AT'), 0, '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
FROM SYSTEM_RANGE(1, 100000);
INSERT INTO transitions (action, resource_id, due_at, created_at)
SELECT 'BACKUP_CREATE', $(uuid 6 X), DATEADD('MICROSECOND', X * 600, TIMESTAMP '$START_AT'), CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);
SQL
} >"$OUT/seed-lag.sql"
sql "$STORE" "$OUT/seed-lag.sql"
start_emulator "$STORE"
READY=$(date +%s%3N)
if [ "$(date -u '+%Y-%m-%d %H:%M:%S')" \> "$START_AT" ]; then
    echo "  (the emulator took longer to start than the 40 s allowed: early transitions are left out)"
fi
( peak=0; while kill -0 "$EMU_PID" 2>/dev/null; do r=$(rss "$EMU_PID" 2>/dev/null || echo 0);
    [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$OUT/rss-peak-lag"; sleep 1; done ) &
SAMPLER=$!
printf '  '
$BENCH lag "$EMU_PORT" "admin:$LAG" 100000 "$READY" | tee "$OUT/lag.txt"
kill "$SAMPLER" 2>/dev/null || true
echo "  peak resident memory meanwhile: $(cat "$OUT/rss-peak-lag" 2>/dev/null || echo '?') MiB"
stop_emulator
fi

# ---------------------------------------------------------------- ratios
if section peers; then
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "?"; else printf "%.2fx", a / b }'; }
verdict() { # value, <= or >=, target
    awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
        if (v == "" || v == "?") { print "not measured"; exit }
        v += 0; ok = (op == "<=") ? v <= t : v >= t
        if (ok) print "met"; else if (op == "<=") printf "missed: %.1fx the target\n", v / t
        else printf "missed: %.0f%% short\n", (1 - v / t) * 100 }'
}
start_of() { awk -F'\t' -v l="$1" '$1 == l {print $2}' "$OUT/race.tsv"; }
line() { printf '  %-46s %-27s %s' "$1" "$2" "${3:-}" | sed 's/ *$//'; echo; }
S_PRISM=$(start_of "Prism")
S_WIREMOCK=$(start_of "WireMock")
S_PLAIN=$(start_of "emulator, plain java -jar, JVM 17")
S_FAST=$(start_of "emulator, $FAST_LABEL")
R=$(ratio "$S_PLAIN" "$S_PRISM")
echo
echo "== ratios (emulator / peer, this run; raw figures in brackets)"
echo "  (fastest: the fastest documented start, $FAST_LABEL)"
line "start, plain java -jar (JVM 17) / Prism:" "${R} (${S_PLAIN} s / ${S_PRISM} s)" \
    "target <= 3.0x: $(verdict "${R%x}" '<=' 3.0)"
if [ -n "$S_FAST" ]; then
    R=$(ratio "$S_FAST" "$S_PRISM")
    line "start, fastest / Prism:" "${R} (${S_FAST} s / ${S_PRISM} s)" \
        "target <= 1.0x: $(verdict "${R%x}" '<=' 1.0)"
else
    line "start, fastest / Prism:" "not measured (no ${FAST_START[0]})"
fi
line "start, plain java -jar (JVM 17) / WireMock:" "$(ratio "$S_PLAIN" "$S_WIREMOCK") (${S_PLAIN} s / ${S_WIREMOCK} s)"
if [ -n "$S_FAST" ]; then
    line "start, fastest / WireMock:" "$(ratio "$S_FAST" "$S_WIREMOCK") (${S_FAST} s / ${S_WIREMOCK} s)"
fi
MB=$(awk -v m="$RSS_EMULATOR" 'BEGIN { printf "%.0f", m * 1.048576 }')
line "idle RSS, plain java -jar (JVM 17):" "$RSS_EMULATOR MiB = $MB MB" "target <= 200 MB: $(verdict "$MB" '<=' 200)"
line "idle RSS, emulator / Prism:" "$(ratio "$RSS_EMULATOR" "$RSS_PRISM") ($RSS_EMULATOR MiB / $RSS_PRISM MiB)"
line "idle RSS, emulator / WireMock:" "$(ratio "$RSS_EMULATOR" "$RSS_WIREMOCK") ($RSS_EMULATOR MiB / $RSS_WIREMOCK MiB)"
R=$(ratio "$RATE_EMULATOR" "$RATE_WIREMOCK")
line "GET detail req/s, emulator / WireMock:" "$R ($RATE_EMULATOR / $RATE_WIREMOCK)" \
    "target >= 1.0x: $(verdict "${R%x}" '>=' 1.0)"
line "GET detail req/s, emulator / Prism:" "$(ratio "$RATE_EMULATOR" "$RATE_PRISM") ($RATE_EMULATOR / $RATE_PRISM)" \
    "(Prism answers 1 backup, see above)"
LAG_P99=$(sed -n 's/.* p99 \([0-9]*\) ms.*/\1/p' "$OUT/lag.txt" 2>/dev/null || true)
if [ -n "$LAG_P99" ]; then
    line "scheduler lag p99, 100 000 in flight:" "$LAG_P99 ms" "target <= 200 ms: $(verdict "$LAG_P99" '<=' 200)"
else
    line "scheduler lag p99, 100 000 in flight:" "not measured in this run (the lag section)"
fi
fi
echo
echo "done; raw wrk output in $OUT/wrk.log"
