#!/usr/bin/env bash
# A throwaway PostgreSQL for the emulator's PostgreSQL suite, crash test and benchmarks.
#
#   eval "$(.ci/postgres.sh)"      # install if missing, start, print the exports below
#   .ci/postgres.sh stop           # stop it and delete its data
#
# Debian's postgresql is installed with apt-get when no server binaries are found. The cluster
# runs as the postgres user from a data directory under /tmp, listens on 127.0.0.1 only, on the
# first free port from 55432 up, and has a database and user "cinder" (password "cinder") with
# C collation, so text sorts and compares by code point exactly as on H2. Prints:
#   export CINDER_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/cinder
#   export CINDER_TEST_POSTGRES_USER=cinder CINDER_TEST_POSTGRES_PASSWORD=cinder
# Re-running it while the cluster is up prints the same exports without restarting it.
set -euo pipefail

DATA_DIR=${CINDER_PG_DATA_DIR:-/tmp/cinder-emulator-postgres}
DB=cinder
DB_USER=cinder
DB_PASSWORD=cinder

log() { echo "postgres.sh: $*" >&2; }

server_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}

BIN=$(server_bin)

if [ "${1:-}" = stop ]; then
    if [ -n "$BIN" ] && [ -f "$DATA_DIR/pgdata/postmaster.pid" ]; then
        as_postgres "$BIN/pg_ctl" -D "$DATA_DIR/pgdata" -m fast -w stop >&2 || true
    fi
    rm -rf "$DATA_DIR"
    exit 0
fi

if [ -z "$BIN" ]; then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends postgresql >&2
    BIN=$(server_bin)
    [ -n "$BIN" ] || { log "no PostgreSQL server binaries after installing postgresql"; exit 1; }
fi
# Debian's package starts its own cluster on 5432; ours is separate and that one is left alone.

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_exports() {
    echo "export CINDER_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$1/$DB"
    echo "export CINDER_TEST_POSTGRES_USER=$DB_USER"
    echo "export CINDER_TEST_POSTGRES_PASSWORD=$DB_PASSWORD"
}

if [ -f "$DATA_DIR/port" ] && as_postgres "$BIN/pg_ctl" -D "$DATA_DIR/pgdata" status >/dev/null 2>&1; then
    print_exports "$(cat "$DATA_DIR/port")"
    exit 0
fi

rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
chown postgres:postgres "$DATA_DIR" 2>/dev/null || true
PORT=55432
while ! port_free "$PORT"; do PORT=$((PORT + 1)); done

as_postgres "$BIN/initdb" -D "$DATA_DIR/pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C >"$DATA_DIR/initdb.log" 2>&1 || { cat "$DATA_DIR/initdb.log" >&2; exit 1; }
# Sized for a 2-core test machine: enough connections for two emulators and the test pools.
as_postgres "$BIN/pg_ctl" -D "$DATA_DIR/pgdata" -l "$DATA_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR -c max_connections=200 -c fsync=on" \
    start >&2 || { cat "$DATA_DIR/server.log" >&2; exit 1; }
echo "$PORT" >"$DATA_DIR/port"

psql_admin() { as_postgres "$BIN/psql" -h "$DATA_DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -d postgres -c "CREATE USER $DB_USER PASSWORD '$DB_PASSWORD'" >&2
psql_admin -d postgres -c "CREATE DATABASE $DB OWNER $DB_USER TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >&2
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DATA_DIR"
print_exports "$PORT"
