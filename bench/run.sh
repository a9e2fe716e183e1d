#!/usr/bin/env bash
# The emulator's benchmarks: prints every figure of docs/benchmarks.md. Not a test: nothing fails
# on a slow figure. About 10 minutes on two cores (--quick: no 1 M store, shorter loads).
#
#   bench/run.sh [--quick] [start] [throughput] [lists] [lag]     (no section named: all of them)
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
        start | throughput | lists | lag) SECTIONS="$SECTIONS $arg" ;;
        *) echo "usage: $0 [--quick] [start] [throughput] [lists] [lag]" >&2; exit 2 ;;
    esac
done
[ -n "$SECTIONS" ] || SECTIONS=" start throughput lists lag"
section() { [[ "$SECTIONS" == *" $1"* ]]; }
DURATION=${BENCH_DURATION:-10s}
[ "$QUICK" = yes ] && DURATION=5s
JAVA=${JAVA:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OUT=$PWD/target/bench
JAR=target/cinder-backups-emulator.jar
APP=$OUT/app

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
    out=$(wrk "$@" 2>&1)
    local rate p50 p99 errors
    rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    printf '  %-46s %8s req/s, p50 %s, p99 %s%s\n' "$label" "$rate" "$p50" "$p99" \
        "${errors:+, $errors non-2xx answers}"
    echo "$out" >>"$OUT/wrk.log"
}

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
$BENCH lag "$EMU_PORT" "admin:$LAG" 100000 "$READY"
kill "$SAMPLER" 2>/dev/null || true
echo "  peak resident memory meanwhile: $(cat "$OUT/rss-peak-lag" 2>/dev/null || echo '?') MiB"
stop_emulator
fi
echo
echo "done; raw wrk output in $OUT/wrk.log"
