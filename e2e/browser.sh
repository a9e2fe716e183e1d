#!/usr/bin/env bash
# The dashboard and Swagger UI in a real browser: Debian's chromium, driven headless by playwright-core
# (pinned in e2e/browser/package-lock.json), against the jar on a free port, with the openstack CLI as
# the client. Installs chromium, node and the CLI only if missing.
#   SCREENSHOT_DIR=docs/images bash e2e/browser.sh    also refreshes the screenshots of docs/dashboard.md
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v openstack >/dev/null || missing+=(python3-openstackclient)
if ((${#missing[@]} > 0)); then
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [[ ! -d e2e/browser/node_modules/playwright-core ]]; then
    (cd e2e/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

jar=${EMULATOR_JAR:-target/cinder-backups-emulator.jar}
[[ -f $jar ]] || ./mvnw -q -B -DskipTests package
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
java -jar "$jar" --server.port="$port" >"$log" 2>&1 &
emulator=$!
# The emulator ends by SIGTERM (143): under set -e that status must not become the script's own.
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true; rm -f "$log"' EXIT

deadline=$((SECONDS + 180))
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$emulator" 2>/dev/null || ((SECONDS > deadline)); then
        echo "The emulator did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.5
done

BASE_URL="http://127.0.0.1:$port" node e2e/browser/browser.mjs
echo "e2e/browser.sh passed in $((SECONDS - started)) s"
