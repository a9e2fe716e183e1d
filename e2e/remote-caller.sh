#!/usr/bin/env bash
# End-to-end: the emulator seen from another host. A network namespace joined to this one by a
# veth pair (10.203.0.1 here, 10.203.0.2 there) is a caller that is not on loopback, on a private
# network as a pod or a container neighbour would be. From there, curl tries every spelling of the
# control API without a token, a forged X-Forwarded-For, and the same against an emulator that
# believes it runs on Kubernetes; then the admin token that must work.
#
#   e2e/remote-caller.sh        as root (ip netns); builds nothing, uses target/cinder-backups-emulator.jar
#
# One "PASS <step>" or "FAIL <step>: <why>" line per check, then "N passed, N failed"; exit 1 on a failure.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=$(realpath -m "${EMULATOR_JAR:-$ROOT/target/cinder-backups-emulator.jar}")
NS=cbe-remote-$$
HOST_IF=cbeh$$
PEER_IF=cbep$$
HOST_IP=10.203.0.1
PEER_IP=10.203.0.2
WORK=$(mktemp -d)
PIDS=()
PASSED=0
FAILED=0

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP e2e/remote-caller.sh: needs root for ip netns"
    exit 0
fi

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    ip netns delete "$NS" 2>/dev/null
    ip link delete "$HOST_IF" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v ip >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2; }
ip netns add "$NS"
ip link add "$HOST_IF" type veth peer name "$PEER_IF"
ip link set "$PEER_IF" netns "$NS"
ip addr add "$HOST_IP/24" dev "$HOST_IF"
ip link set "$HOST_IF" up
ip netns exec "$NS" ip addr add "$PEER_IP/24" dev "$PEER_IF"
ip netns exec "$NS" ip link set "$PEER_IF" up
ip netns exec "$NS" ip link set lo up

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }

# start NAME ARGS...: an emulator on a free port, in the default keystone mode; sets PORT_<NAME>.
start() {
    local name=$1 port
    shift
    port=$(free_port)
    java -jar "$JAR" --server.port="$port" "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null && break
        sleep 1
    done
    printf -v "PORT_$name" '%s' "$port"
}

pass() { echo "PASS $1"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $1: $2"; FAILED=$((FAILED + 1)); }

# expect STATUS STEP CURL-ARGS...: a request from the other namespace answers STATUS.
expect() {
    local status=$1 step=$2 got
    shift 2
    got=$(ip netns exec "$NS" curl -sS --path-as-is -o "$WORK/body" -w '%{http_code}' --max-time 20 "$@" 2>&1)
    if [[ $got == "$status" ]]; then
        pass "$step"
    else
        fail "$step" "expected $status, got $got $(head -c 200 "$WORK/body" 2>/dev/null)"
    fi
}

start default
start kubernetes --spring.main.cloud-platform=kubernetes
BASE=http://$HOST_IP:$PORT_default
K8S=http://$HOST_IP:$PORT_kubernetes

# A fault rule and a timing set from loopback: a refused request must leave both as they are.
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d '{"operation": "backup.list", "action": "http", "status": 503, "project": "nobody"}' \
    "http://127.0.0.1:$PORT_default/_emulator/faults"

expect 403 "plain control path" "$BASE/_emulator/timing"
for path in /%5Femulator/timing /%5femulator/timing '/_emulator;x/timing' '/_emulator/timing;x' //_emulator/timing \
    /_emulator/./timing /x/../_emulator/timing /_EMULATOR/timing /%5F%65mulator/requests '/_emulator;x/requests'; do
    expect 403 "GET $path" "$BASE$path"
done
expect 403 "PUT /%5Femulator/timing" -X PUT -H 'Content-Type: application/json' -d '{"backup-create": "manual"}' \
    "$BASE/%5Femulator/timing"
expect 403 "POST /%5Femulator/reset" -X POST "$BASE/%5Femulator/reset"
expect 403 "POST /_emulator;x/reset" -X POST "$BASE/_emulator;x/reset"
expect 403 "X-Forwarded-For: 127.0.0.1" -H 'X-Forwarded-For: 127.0.0.1' "$BASE/_emulator/timing"
expect 403 "Kubernetes detected, X-Forwarded-For: 127.0.0.1" -X POST -H 'X-Forwarded-For: 127.0.0.1' \
    -H 'X-Forwarded-Proto: https' "$K8S/_emulator/reset"

faults=$(curl -fsS "http://127.0.0.1:$PORT_default/_emulator/faults")
timing=$(curl -fsS "http://127.0.0.1:$PORT_default/_emulator/timing")
[[ $faults == *fault-1* ]] && pass "the refused reset changed nothing" || fail "the refused reset changed nothing" "$faults"
[[ $timing == *'"backup-create":"PT2S"'* ]] && pass "the refused timing changed nothing" \
    || fail "the refused timing changed nothing" "$timing"

# What a remote caller may do: Keystone, Cinder with a token, the control API with an admin token.
expect 200 "Keystone discovery" "$BASE/keystone/v3"
expect 401 "Cinder without a token" "$BASE/v3/backups"
login='{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s", "domain": {"name": "Default"}, "password": "%s"}}}, "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}'
token() {
    ip netns exec "$NS" curl -sS -D - -o /dev/null -H 'Content-Type: application/json' \
        -d "$(printf "$login" "$1" "$1" "$1")" "$BASE/keystone/v3/auth/tokens" |
        tr -d '\r' | awk 'tolower($1) == "x-subject-token:" {print $2}'
}
ADMIN=$(token admin)
DEMO=$(token demo)
expect 200 "Cinder with a token" -H "X-Auth-Token: $DEMO" "$BASE/v3/backups"
expect 403 "control API with a member's token" -H "X-Auth-Token: $DEMO" "$BASE/%5Femulator/timing"
expect 200 "control API with an admin token" -H "X-Auth-Token: $ADMIN" "$BASE/_emulator/timing"

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
