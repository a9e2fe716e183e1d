#!/usr/bin/env bash
# Crash safety, end to end: start the emulator on durable storage, drive clients, SIGKILL it at a
# random moment, restart it on the same data and check nothing acknowledged was lost or left
# half-done (e2e/CrashTest.java). Prints one line per run and "N passed, N failed" last; exits
# non-zero if any run failed.
#
#   e2e/crash-test.sh                  # 10 runs on a file-backed H2 (--emulator.data-dir)
#   e2e/crash-test.sh --postgres       # 10 runs on PostgreSQL (started by .ci/postgres.sh)
#   e2e/crash-test.sh --runs 3         # fewer (or more) runs
#
# Uses target/cinder-backups-emulator.jar, building it first if it is missing. Needs only a JDK
# (and, with --postgres, what .ci/postgres.sh installs).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=10
POSTGRES=no
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS=$2; shift 2 ;;
        --postgres) POSTGRES=yes; shift ;;
        *) echo "usage: $0 [--runs N] [--postgres]" >&2; exit 2 ;;
    esac
done

JAR=target/cinder-backups-emulator.jar
if [ ! -f "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
fi

# Class data sharing cuts the eleven starts' time by about a third: the jar extracted (classes in
# nested jars can't be archived) and one training start that writes the archive at exit.
APP=target/crash-app
if [ ! -f "$APP/app.jsa" ] || [ "$JAR" -nt "$APP/app.jsa" ]; then
    rm -rf "$APP"
    java -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
    TRAIN=$(mktemp -d)
    java -XX:ArchiveClassesAtExit="$APP/app.jsa" -Dspring.context.exit=onRefresh -Dspring.aot.enabled=true \
        -jar "$APP/cinder-backups-emulator.jar" --server.port=0 --emulator.data-dir="$TRAIN" \
        --logging.level.root=WARN >"$APP/training.log" 2>&1 || true
    rm -rf "$TRAIN"
fi
# Started as the Docker image starts it: Spring's ahead-of-time bean definitions (process-aot).
JVM_OPTIONS="-XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true"
if [ -f "$APP/app.jsa" ]; then
    JVM_OPTIONS="$JVM_OPTIONS -XX:SharedArchiveFile=$APP/app.jsa"
fi
ARGS=(--jar "$APP/cinder-backups-emulator.jar" --runs "$RUNS" --jvm-options "$JVM_OPTIONS")
if [ "$POSTGRES" = yes ]; then
    eval "$(.ci/postgres.sh)"
    # A schema of its own for this run: rows of earlier runs or other suites never show.
    SCHEMA="crash_$(date +%s)_$$"
    HOSTPORT=${CINDER_TEST_POSTGRES_URL#jdbc:postgresql://}
    PGPASSWORD=$CINDER_TEST_POSTGRES_PASSWORD psql -q -h "${HOSTPORT%%:*}" -p "$(echo "$HOSTPORT" | sed 's/.*:\([0-9]*\)\/.*/\1/')" \
        -U "$CINDER_TEST_POSTGRES_USER" -d "${HOSTPORT##*/}" -c "CREATE SCHEMA $SCHEMA"
    ARGS+=(--jdbc-url "$CINDER_TEST_POSTGRES_URL?currentSchema=$SCHEMA" --jdbc-user "$CINDER_TEST_POSTGRES_USER"
        --jdbc-password "$CINDER_TEST_POSTGRES_PASSWORD")
fi
exec java e2e/CrashTest.java "${ARGS[@]}"
