#!/usr/bin/env bash
# The durability suites that need more than the default ./mvnw verify: the PostgreSQL suite
# (acceptance flows and two replicas on a real PostgreSQL server) and the crash test, on H2 and
# on PostgreSQL. Works on a fresh Debian machine with a JDK: .ci/postgres.sh installs Debian's
# postgresql with apt-get when it is missing. Takes about four minutes on two cores.
#
#   .ci/durability.sh           # after ./mvnw verify (uses its target/cinder-backups-emulator.jar)
#
# Longer variants (docs/durability.md): CRASH_RUNS=50 .ci/durability.sh, and for the fuzz and
# concurrency tests ./mvnw verify -Dfuzz.requests=200000 -Dconcurrency.seconds=120.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(.ci/postgres.sh)"
trap '.ci/postgres.sh stop' EXIT

echo "== PostgreSQL suite"
./mvnw -B -Ppostgres test

echo "== crash test, H2 file"
e2e/crash-test.sh --runs "${CRASH_RUNS:-10}"

echo "== crash test, PostgreSQL"
e2e/crash-test.sh --postgres --runs "${CRASH_RUNS_POSTGRES:-5}"
