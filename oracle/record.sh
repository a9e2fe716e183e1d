#!/bin/sh
# Re-records the oracle's golden answers (src/test/resources/oracle/golden-*.json): starts Debian's
# real cinder-api (noauth, sqlite, fake messaging, no other Cinder service) and keystone (sqlite,
# fernet, bootstrapped with the emulator's identities) on loopback, sends the battery in
# src/test/resources/oracle/battery.yaml (oracle/battery.py) and stops them again.
# Not part of ./mvnw verify: OracleReplayTests replays the recorded answers against the emulator.
# Usage: oracle/record.sh   (CINDER_PORT / KEYSTONE_PORT override the loopback ports)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
OUT="$REPO/src/test/resources/oracle"
CINDER_PORT=${CINDER_PORT:-18810}
KEYSTONE_PORT=${KEYSTONE_PORT:-18811}
RUN=$(mktemp -d /tmp/cinder-oracle.XXXXXX)

missing=""
for package in cinder-api keystone python3-requests python3-yaml sqlite3; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    apt-get install -y --no-install-recommends $missing
fi

PIDS=""
cleanup() {
    status=$?
    # each server runs in a session of its own: end it with its workers (cinder-api forks one)
    for pid in $PIDS; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
    if [ "$status" -ne 0 ]; then
        tail -n 20 "$RUN"/log/*.log >&2 || true
    fi
    if [ "$status" -eq 0 ]; then rm -rf "$RUN"; else echo "logs kept in $RUN/log" >&2; fi
}
trap cleanup EXIT INT TERM

mkdir -p "$RUN/log" "$RUN/cinder-state" "$RUN/cinder-lock" "$RUN/fernet-keys" "$RUN/fernet-receipts" \
    "$RUN/credential-keys"
sed -e "s#@RUN@#$RUN#g" -e "s#@CINDER_PORT@#$CINDER_PORT#g" "$HERE/cinder.conf.in" > "$RUN/cinder.conf"
sed -e "s#@RUN@#$RUN#g" "$HERE/keystone.conf.in" > "$RUN/keystone.conf"

# Keystone: schema, fernet keys, bootstrap (admin in Default, with the identity endpoint).
export OS_KEYSTONE_CONFIG_FILES="$RUN/keystone.conf"
KM="keystone-manage --config-file $RUN/keystone.conf"
$KM db_sync >"$RUN/log/keystone-manage.out" 2>&1
$KM fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$RUN/log/keystone-manage.out" 2>&1
$KM credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$RUN/log/keystone-manage.out" 2>&1
$KM bootstrap --bootstrap-username admin --bootstrap-password admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
    --bootstrap-public-url "http://127.0.0.1:$KEYSTONE_PORT" \
    --bootstrap-internal-url "http://127.0.0.1:$KEYSTONE_PORT" \
    --bootstrap-admin-url "http://127.0.0.1:$KEYSTONE_PORT" >>"$RUN/log/keystone-manage.out" 2>&1
# WAL: a reader's open transaction in keystone's connection pool must not lock its writers out.
sqlite3 "$RUN/keystone.sqlite" "PRAGMA journal_mode=WAL;" >/dev/null
setsid keystone-wsgi-public --host 127.0.0.1 --port "$KEYSTONE_PORT" >"$RUN/log/keystone.out" 2>&1 &
PIDS="$PIDS $!"

# cinder-api: schema, then the API alone. The one service row is cinder-backup's registration (what
# cinder-backup writes at start, cinder/service.py), so that import_record finds a backup host;
# nothing ever consumes the casts sent to it.
cinder-manage --config-file "$RUN/cinder.conf" db sync >"$RUN/log/cinder-manage.out" 2>&1
VERSIONS=$(/usr/bin/python3 -c 'from cinder.backup import rpcapi; from cinder.objects import base
print(rpcapi.BackupAPI.RPC_API_VERSION, base.OBJ_VERSIONS.get_current())' 2>/dev/null)
sqlite3 "$RUN/cinder.sqlite" "insert into services (created_at, updated_at, deleted, host, binary, topic,
    report_count, disabled, availability_zone, rpc_current_version, object_current_version, uuid)
    values (datetime('now'), datetime('now'), 0, 'emulator@backup', 'cinder-backup', 'cinder-backup', 1, 0,
    'nova', '${VERSIONS% *}', '${VERSIONS#* }', 'b4c1c0de-0000-4000-8000-000000000001')"
sqlite3 "$RUN/cinder.sqlite" "PRAGMA journal_mode=WAL;" >/dev/null
setsid cinder-api --config-file "$RUN/cinder.conf" >"$RUN/log/cinder-api.out" 2>&1 &
PIDS="$PIDS $!"

for url in "http://127.0.0.1:$KEYSTONE_PORT/v3" "http://127.0.0.1:$CINDER_PORT/"; do
    tries=0
    until curl -s -o /dev/null "$url"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 120 ]; then echo "$url did not come up; see $RUN/log" >&2; exit 1; fi
        sleep 0.5
    done
done

/usr/bin/python3 "$HERE/battery.py" "http://127.0.0.1:$CINDER_PORT" "http://127.0.0.1:$KEYSTONE_PORT" \
    "$RUN/cinder.sqlite" "$OUT"
dpkg-query -W -f '${Package} ${Version}\n' cinder-api python3-cinder keystone python3-keystone python3-webob \
    python3-oslo.middleware > "$OUT/oracle-versions.txt"
