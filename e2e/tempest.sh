#!/usr/bin/env bash
# End-to-end: OpenStack's own conformance suite, Debian's `tempest`, runs its volume API selection
# (tempest.api.volume.*) against the emulator in keystone mode with pre-provisioned accounts.
#
#   e2e/tempest.sh                 start target/cinder-backups-emulator.jar on a free port
#   EMULATOR_JAR=path e2e/tempest.sh
#   TEMPEST_REGEX='^tempest\.api\.volume\.admin\.test_volume_quotas' e2e/tempest.sh   a narrower selection
#   TEMPEST_CONCURRENCY=1 e2e/tempest.sh
#
# Prints tempest's own summary, then "N passed, N failed, N skipped" and every failing test. Exit
# status 1 if a test failed that e2e/tempest-known-failures.txt does not list (each line there is a
# test id, a space, and the reason it is expected to fail); the known failures that now pass are
# printed so that the list can be shortened.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=$(realpath -m "${EMULATOR_JAR:-$ROOT/target/cinder-backups-emulator.jar}")
KNOWN=$HERE/tempest-known-failures.txt
REGEX=${TEMPEST_REGEX:-'^tempest\.api\.volume\.'}
CONCURRENCY=${TEMPEST_CONCURRENCY:-2}
PY=/usr/bin/python3
WORK=$(mktemp -d)
EMULATOR_PID=

cleanup() {
    if [[ -n $EMULATOR_PID ]]; then
        kill "$EMULATOR_PID" 2>/dev/null
        wait "$EMULATOR_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Debian's tempest, installed only if missing (CI runs as root on a clean machine).
if ! dpkg-query -W -f='${Status}' tempest 2>/dev/null | grep -q "install ok installed"; then
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tempest
fi

# Two workers each hold up to three accounts (primary, alt, admin) for a test class, so the run
# needs six: the contract's admin, demo and alt_demo, and a second set only this run adds.
cat >"$WORK/identities.yml" <<'EOF'
emulator:
  identity:
    projects:
      - name: admin
      - name: demo
      - name: alt_demo
      - name: admin2
      - name: demo2
      - name: alt_demo2
    users:
      - {name: admin, password: admin, project: admin, roles: [admin]}
      - {name: demo, password: demo, project: demo, roles: [member]}
      - {name: alt_demo, password: alt_demo, project: alt_demo, roles: [member]}
      - {name: admin2, password: admin2, project: admin2, roles: [admin]}
      - {name: demo2, password: demo2, project: demo2, roles: [member]}
      - {name: alt_demo2, password: alt_demo2, project: alt_demo2, roles: [member]}
EOF

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$port"
# Quick-start JVM flags unless EMULATOR_JAVA_OPTS says otherwise (set and empty: none at all).
# shellcheck disable=SC2086
java ${EMULATOR_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$JAR" --server.port="$port" \
    --spring.config.additional-location="file:$WORK/identities.yml" \
    --emulator.timing.backup-create=0s --emulator.timing.backup-restore=0s --emulator.timing.backup-delete=0s \
    --emulator.timing.volume-create=0s --emulator.timing.volume-delete=0s \
    --emulator.timing.snapshot-create=0s --emulator.timing.snapshot-delete=0s \
    >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 240); do
    curl -fsS "$URL/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; echo "the emulator did not start" >&2; exit 1; }
    sleep 0.5
done

max_version=$(curl -fsS "$URL/" | $PY -c 'import json, sys
print(next(v["version"] for v in json.load(sys.stdin)["versions"] if v["id"] == "v3.0"))')

cd "$WORK" || exit 1
tempest init workspace >/dev/null
cd workspace || exit 1

cat >etc/accounts.yaml <<'EOF'
- {username: admin, project_name: admin, password: admin, domain_name: Default, types: [admin]}
- {username: admin2, project_name: admin2, password: admin2, domain_name: Default, types: [admin]}
- {username: demo, project_name: demo, password: demo, domain_name: Default}
- {username: alt_demo, project_name: alt_demo, password: alt_demo, domain_name: Default}
- {username: demo2, project_name: demo2, password: demo2, domain_name: Default}
- {username: alt_demo2, project_name: alt_demo2, password: alt_demo2, domain_name: Default}
EOF

# What the emulator is: Keystone and Cinder v3 with a backup service, one backend, one zone, no
# Nova, Glance, Neutron or Swift; Cinder's features that need a real backend switched off.
cat >etc/tempest.conf <<EOF
[DEFAULT]
log_file = tempest.log
[oslo_concurrency]
lock_path = $WORK/locks
[auth]
use_dynamic_credentials = False
test_accounts_file = $WORK/workspace/etc/accounts.yaml
default_credentials_domain_name = Default
create_isolated_networks = False
[identity]
uri_v3 = $URL/keystone/v3
auth_version = v3
region = RegionOne
disable_ssl_certificate_validation = True
[identity-feature-enabled]
api_v2 = False
[service_available]
cinder = True
nova = False
glance = False
neutron = False
swift = False
[volume]
catalog_type = block-storage
endpoint_type = publicURL
region = RegionOne
min_microversion = 3.0
max_microversion = $max_version
build_interval = 1
build_timeout = 60
volume_size = 1
[volume-feature-enabled]
api_v3 = True
backup = True
snapshot = True
clone = False
manage_volume = False
manage_snapshot = False
multi_backend = False
extend_attached_volume = False
extend_attached_encrypted_volume = False
volume_revert = False
cluster_active_active = False
EOF

start=$SECONDS
tempest run --regex "$REGEX" --concurrency "$CONCURRENCY" >"$WORK/run.log" 2>&1
echo "tempest run took $((SECONDS - start)) s"

# The totals from the stestr repository, not from the console.
stestr last --subunit 2>/dev/null | $PY "$HERE/tempest_results.py" "$KNOWN"
status=$?
if ((status == 2)); then
    tail -n 40 "$WORK/run.log" >&2
fi
exit $status
