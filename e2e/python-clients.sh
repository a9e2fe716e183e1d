#!/usr/bin/env bash
# End-to-end: Debian's python3-openstackclient (`openstack`), python3-cinderclient (`cinder`) and
# python3-openstacksdk run a whole backup workflow against the emulator in its default (keystone)
# auth mode, with nothing but the OS_* variables a user exports.
#
#   e2e/python-clients.sh                 start target/cinder-backups-emulator.jar on a free port
#   E2E_BUILD=1 e2e/python-clients.sh     build the jar first (./mvnw package -DskipTests)
#   EMULATOR_URL=http://127.0.0.1:8776 e2e/python-clients.sh   use a running emulator
#
# One "PASS <client> <step>" or "FAIL <client> <step>: <why>" line per step, then "N passed, N failed".
# Exit status 1 if any step failed. E2E_DEBUG=1 keeps each failing command's output on stderr.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=$(realpath -m "${EMULATOR_JAR:-$ROOT/target/cinder-backups-emulator.jar}")
PY=/usr/bin/python3            # Debian's interpreter, where the client packages are installed
WAIT=${E2E_WAIT_SECONDS:-60}   # deadline for one resource to reach a status
BUDGET=${E2E_BUDGET_SECONDS:-280} # after this, remaining steps fail at once: the whole run stays under 5 minutes
RUN=$(date +%s)-$$             # makes names unique against a long-lived emulator
WORK=$(mktemp -d)
PASSED=0
FAILED=0
EMULATOR_PID=

cleanup() {
    if [[ -n $EMULATOR_PID ]]; then
        kill "$EMULATOR_PID" 2>/dev/null
        wait "$EMULATOR_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so that cleanup stops the emulator this script started

pass() { echo "PASS $1 $2"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $1 $2: $3"; FAILED=$((FAILED + 1)); }

# The last meaningful line a failed command printed, on one line.
why() {
    grep -v '^[[:space:]]*$' "$WORK/out" | tail -n 1 | tr -s '[:space:]' ' ' | cut -c1-300
}

# run CLIENT STEP COMMAND...: one step; its output stays in $WORK/out for the caller.
run() {
    local client=$1 step=$2
    shift 2
    if ((SECONDS > BUDGET)); then
        fail "$client" "$step" "not run: the ${BUDGET}s budget is spent"
        return 1
    fi
    local status=0
    if [[ $(type -t "$1") == function ]]; then
        "$@" >"$WORK/out" 2>&1 || status=$?
    else
        timeout 120 "$@" >"$WORK/out" 2>&1 || status=$?
    fi
    if ((status == 0)); then
        pass "$client" "$step"
        return 0
    fi
    fail "$client" "$step" "$(why)"
    [[ -n ${E2E_DEBUG:-} ]] && cat "$WORK/out" >&2
    return 1
}

# check CLIENT STEP COMMAND...: like run, for a shell check that prints its own reason.
check() { run "$@"; }

# The value of a field in cinderclient's `| Property | Value |` table on stdin.
table_field() {
    awk -F'|' -v key="$1" '{k=$2; gsub(/^ +| +$/, "", k); if (k == key) {v=$3; gsub(/^ +| +$/, "", v); print v; exit}}'
}

# field KEY: that field of the table the last step printed.
field() { table_field "$1" <"$WORK/out"; }

# cfield KEY COMMAND...: runs a cinder command and prints that field of its table.
cfield() {
    local key=$1 output
    shift
    output=$(timeout 60 "$@" 2>&1) || { tail -n 1 <<<"$output"; return 1; }
    table_field "$key" <<<"$output"
}

# until_value EXPECTED COMMAND...: repeats COMMAND until it prints EXPECTED (fails on error states).
until_value() {
    local expected=$1 deadline=$((SECONDS + WAIT)) value
    shift
    while ((SECONDS < deadline)); do
        value=$("$@" 2>&1 | tail -n 1)
        [[ $value == "$expected" ]] && return 0
        [[ $value == error* ]] && { echo "status $value"; return 1; }
        sleep 0.5
    done
    echo "still '$value' after ${WAIT}s, wanted '$expected'"
    return 1
}

# until_gone COMMAND...: repeats COMMAND until it fails with a not-found answer.
until_gone() {
    local deadline=$((SECONDS + WAIT)) output
    while ((SECONDS < deadline)); do
        if ! output=$("$@" 2>&1); then
            grep -qiE 'not found|could not be found|no .* with a name or id|404' <<<"$output" && return 0
            echo "failed otherwise: $(tail -n 1 <<<"$output")"
            return 1
        fi
        sleep 0.5
    done
    echo "still there after ${WAIT}s"
    return 1
}

# must_fail PATTERN COMMAND...: COMMAND fails and says PATTERN (a tenancy or policy refusal).
must_fail() {
    local pattern=$1 output
    shift
    if output=$("$@" 2>&1); then
        echo "succeeded but should not have: $(tail -n 1 <<<"$output")"
        return 1
    fi
    grep -qiE "$pattern" <<<"$output" && return 0
    echo "failed otherwise: $(tail -n 1 <<<"$output")"
    return 1
}

# not_listed ID COMMAND...: COMMAND succeeds and its output does not mention ID.
not_listed() {
    local id=$1 output
    shift
    output=$("$@" 2>&1) || { echo "list failed: $(tail -n 1 <<<"$output")"; return 1; }
    if grep -q "$id" <<<"$output"; then
        echo "$id is listed"
        return 1
    fi
}

# listed ID COMMAND...: COMMAND succeeds and its output mentions ID.
listed() {
    local id=$1 output
    shift
    output=$("$@" 2>&1) || { echo "list failed: $(tail -n 1 <<<"$output")"; return 1; }
    grep -q "$id" <<<"$output" || { echo "$id is not listed"; return 1; }
}

# as USER: the plain environment a user of that account exports.
as() {
    export OS_AUTH_URL="$URL/keystone/v3" OS_USERNAME=$1 OS_PASSWORD=$1 OS_PROJECT_NAME=$1 \
        OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_IDENTITY_API_VERSION=3
}

start_emulator() {
    if [[ ! -f $JAR || -n ${E2E_BUILD:-} ]]; then
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || { fail emulator build "./mvnw package failed"; return 1; }
    fi
    local port
    port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    URL="http://127.0.0.1:$port"
    # Quick-start JVM flags unless EMULATOR_JAVA_OPTS says otherwise (set and empty: none at all).
    # shellcheck disable=SC2086
    java ${EMULATOR_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$JAR" --server.port="$port" \
        >"$WORK/emulator.log" 2>&1 &
    EMULATOR_PID=$!
}

wait_healthy() {
    local deadline=$((SECONDS + 150))
    while ((SECONDS < deadline)); do
        if curl -fsS "$URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then
            return 0
        fi
        if [[ -n $EMULATOR_PID ]] && ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    [[ -n $EMULATOR_PID ]] && tail -n 20 "$WORK/emulator.log"
    return 1
}

# ---------------------------------------------------------------------------------------------
# openstack CLI (python-openstackclient). Backup set --name needs 3.9, --property 3.43.
# ---------------------------------------------------------------------------------------------

# The CLI as a user runs it: OS_VOLUME_API_VERSION set for it alone.
OSC=(env OS_VOLUME_API_VERSION=3.64 openstack)

# osc_restore ARGS...: `openstack volume backup restore ARGS`. python-openstackclient 6.0 (Debian 12)
# sends the restore, gets Cinder's 202 {"restore": {...}} and then fails to print it ("cannot unpack
# non-iterable VolumeBackupsRestore object", Launchpad bug 2063335, fixed in 7.3.0). No server
# answer avoids that, so exactly that failure counts as the request made; the steps after it check
# that the restore really happened.
osc_restore() {
    local output
    if output=$(timeout 120 "${OSC[@]}" volume backup restore "$@" 2>&1); then
        echo "$output"
        return 0
    fi
    echo "$output"
    grep -q "cannot unpack non-iterable VolumeBackupsRestore object" <<<"$output" || return 1
    echo "NOTE openstack backup-restore: python-openstackclient bug 2063335 after the 202" >&3
}
osc_workflow() {
    local c=openstack vol backup target restored imported_export
    as demo

    if run $c volume-create "${OSC[@]}" volume create --size 1 --property origin=osc -f value -c id "osc-vol-$RUN"; then
        vol=$(tail -n 1 "$WORK/out")
        check $c volume-wait-available until_value available "${OSC[@]}" volume show "$vol" -f value -c status
    fi
    [[ -n ${vol:-} ]] || return

    if run $c backup-create "${OSC[@]}" volume backup create --name "osc-backup-$RUN" --description "by osc" \
        -f value -c id "$vol"; then
        backup=$(tail -n 1 "$WORK/out")
        check $c backup-wait-available until_value available "${OSC[@]}" volume backup show "$backup" -f value -c status
    fi
    [[ -n ${backup:-} ]] || return

    check $c backup-list listed "$backup" "${OSC[@]}" volume backup list -f value -c ID
    check $c backup-list-long listed "by osc" "${OSC[@]}" volume backup list --long -f value
    check $c backup-show until_value "osc-backup-$RUN" "${OSC[@]}" volume backup show "$backup" -f value -c name
    run $c backup-set-name-description "${OSC[@]}" volume backup set --name "osc-renamed-$RUN" \
        --description "renamed by osc" --property kind=e2e "$backup"
    check $c backup-show-after-set until_value "osc-renamed-$RUN" "${OSC[@]}" volume backup show "osc-renamed-$RUN" \
        -f value -c name
    run $c backup-unset-property "${OSC[@]}" volume backup unset --property kind "$backup"

    if run $c backup-restore-new-volume osc_restore "$backup" "osc-restored-$RUN"; then
        check $c backup-restore-new-wait until_value available "${OSC[@]}" volume show "osc-restored-$RUN" \
            -f value -c status
        check $c backup-after-restore-available until_value available "${OSC[@]}" volume backup show "$backup" \
            -f value -c status
        restored=$("${OSC[@]}" volume show "osc-restored-$RUN" -f value -c id 2>/dev/null)
    fi

    if run $c volume-create-target "${OSC[@]}" volume create --size 1 -f value -c id "osc-target-$RUN"; then
        target=$(tail -n 1 "$WORK/out")
        check $c volume-target-wait-available until_value available "${OSC[@]}" volume show "$target" -f value -c status
        run $c backup-restore-existing-volume osc_restore --force "$backup" "$target"
        check $c backup-restore-existing-wait until_value available "${OSC[@]}" volume show "$target" -f value -c status
        check $c backup-after-restore-existing-available until_value available "${OSC[@]}" volume backup show \
            "$backup" -f value -c status
    fi

    as alt_demo
    check $c tenancy-show-other-project must_fail 'No volumebackup with a name or ID|not found|could not be found' \
        "${OSC[@]}" volume backup show "$backup"
    check $c tenancy-list-other-project not_listed "$backup" "${OSC[@]}" volume backup list --all-projects -f value -c ID
    check $c tenancy-delete-other-project must_fail 'No volumebackup with a name or ID|not found|could not be found|Failed to delete' \
        "${OSC[@]}" volume backup delete "$backup"
    check $c tenancy-export-non-admin must_fail "No volumebackup with a name or ID|not found|could not be found" \
        "${OSC[@]}" volume backup record export "$backup"

    as demo
    check $c policy-export-member must_fail "Policy doesn't allow backup:export-import|403" \
        "${OSC[@]}" volume backup record export "$backup"

    as admin
    local service url
    if run $c backup-record-export-admin "${OSC[@]}" volume backup record export -f json "$backup"; then
        service=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["backup_service"])' "$WORK/out")
        url=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["backup_url"])' "$WORK/out")
    fi

    as demo
    run $c backup-delete "${OSC[@]}" volume backup delete "$backup" &&
        check $c backup-wait-deleted until_gone "${OSC[@]}" volume backup show "$backup"

    as admin
    if [[ -n ${url:-} ]] && run $c backup-record-import-admin "${OSC[@]}" volume backup record import -f value -c id \
        "$service" "$url"; then
        imported_export=$(tail -n 1 "$WORK/out")
        check $c backup-imported-available until_value available "${OSC[@]}" volume backup show "$imported_export" \
            -f value -c status
        run $c backup-delete-imported "${OSC[@]}" volume backup delete "$imported_export" &&
            check $c backup-imported-deleted until_gone "${OSC[@]}" volume backup show "$imported_export"
    elif [[ -z ${url:-} ]]; then
        fail $c backup-record-import-admin "nothing exported"
    fi

    as demo
    local ids=("$vol" ${restored:+"$restored"} ${target:+"$target"})
    run $c volume-delete "${OSC[@]}" volume delete "${ids[@]}" &&
        check $c volume-wait-deleted until_gone "${OSC[@]}" volume show "$vol"
}

# ---------------------------------------------------------------------------------------------
# cinder CLI (python-cinderclient) at microversion 3.64.
# ---------------------------------------------------------------------------------------------
cinder_workflow() {
    local c=cinder vol backup target restored
    as demo
    local cinder=(cinder --os-volume-api-version 3.64)
    local status=(cfield status)

    if run $c volume-create "${cinder[@]}" create --name "cinder-vol-$RUN" --metadata origin=cinder -- 1; then
        vol=$(field id)
        check $c volume-wait-available until_value available "${status[@]}" "${cinder[@]}" show "$vol"
    fi
    [[ -n ${vol:-} ]] || return

    if run $c backup-create "${cinder[@]}" backup-create --name "cinder-backup-$RUN" --description "by cinder" "$vol"; then
        backup=$(field id)
        check $c backup-wait-available until_value available "${status[@]}" "${cinder[@]}" backup-show "$backup"
    fi
    [[ -n ${backup:-} ]] || return

    check $c backup-list listed "$backup" "${cinder[@]}" backup-list
    check $c backup-list-filtered listed "$backup" "${cinder[@]}" backup-list --name "cinder-backup-$RUN" \
        --status available --volume-id "$vol"
    check $c backup-show until_value "cinder-backup-$RUN" cfield name "${cinder[@]}" \
        backup-show "cinder-backup-$RUN"
    run $c backup-update "${cinder[@]}" backup-update --name "cinder-renamed-$RUN" --description "renamed by cinder" \
        --metadata kind=e2e -- "$backup"
    check $c backup-show-after-update until_value "renamed by cinder" cfield description \
        "${cinder[@]}" backup-show "cinder-renamed-$RUN"

    if run $c backup-restore-new-volume "${cinder[@]}" backup-restore --name "cinder-restored-$RUN" "$backup"; then
        restored=$(field volume_id)
        check $c backup-restore-new-wait until_value available "${status[@]}" "${cinder[@]}" show "$restored"
        check $c backup-after-restore-available until_value available "${status[@]}" "${cinder[@]}" backup-show "$backup"
    fi

    if run $c volume-create-target "${cinder[@]}" create --name "cinder-target-$RUN" 1; then
        target=$(field id)
        check $c volume-target-wait-available until_value available "${status[@]}" "${cinder[@]}" show "$target"
        run $c backup-restore-existing-volume "${cinder[@]}" backup-restore --volume "$target" "$backup"
        check $c backup-restore-existing-wait until_value available "${status[@]}" "${cinder[@]}" show "$target"
        check $c backup-after-restore-existing-available until_value available "${status[@]}" "${cinder[@]}" \
            backup-show "$backup"
    fi

    as alt_demo
    check $c tenancy-show-other-project must_fail 'No volumebackup with a name or ID|not found' \
        "${cinder[@]}" backup-show "$backup"
    check $c tenancy-list-other-project not_listed "$backup" "${cinder[@]}" backup-list --all-tenants
    check $c tenancy-restore-other-project must_fail 'No volumebackup with a name or ID|not found' \
        "${cinder[@]}" backup-restore --name stolen "$backup"
    check $c tenancy-delete-other-project must_fail 'No volumebackup with a name or ID|not found|Unable to delete' \
        "${cinder[@]}" backup-delete "$backup"

    as demo
    check $c policy-export-member must_fail "Policy doesn't allow backup:export-import" \
        "${cinder[@]}" backup-export "$backup"
    check $c policy-import-member must_fail "Policy doesn't allow backup:backup-import" \
        "${cinder[@]}" backup-import cinder.backup.drivers.swift.SwiftBackupDriver eyJ9
    check $c policy-reset-state-member must_fail "Policy doesn't allow volume_extension:backup_admin_actions:reset_status" \
        "${cinder[@]}" backup-reset-state --state error "$backup"

    as admin
    local service url
    if run $c backup-export-admin "${cinder[@]}" backup-export "$backup"; then
        service=$(field backup_service)
        url=$(field backup_url)
    fi

    as demo
    run $c backup-delete "${cinder[@]}" backup-delete "$backup" &&
        check $c backup-wait-deleted until_gone "${cinder[@]}" backup-show "$backup"

    as admin
    local imported
    if [[ -n ${url:-} ]] && run $c backup-import-admin "${cinder[@]}" backup-import "$service" "$url"; then
        imported=$(field id)
        check $c backup-imported-available until_value available "${status[@]}" "${cinder[@]}" backup-show "$imported"
        run $c backup-delete-imported "${cinder[@]}" backup-delete "$imported" &&
            check $c backup-imported-deleted until_gone "${cinder[@]}" backup-show "$imported"
    elif [[ -z ${url:-} ]]; then
        fail $c backup-import-admin "nothing exported"
    fi

    as demo
    local ids=("$vol" ${restored:+"$restored"} ${target:+"$target"})
    run $c volume-delete "${cinder[@]}" delete "${ids[@]}" &&
        check $c volume-wait-deleted until_gone "${cinder[@]}" show "$vol"
}

# ---------------------------------------------------------------------------------------------
# openstacksdk: e2e/sdk_workflow.py prints its own PASS/FAIL lines.
# ---------------------------------------------------------------------------------------------
sdk_workflow() {
    as demo
    local line exit_status=missing failed_before=$FAILED remaining=$((BUDGET + 20 - SECONDS))
    if ((remaining < 30)); then
        fail sdk workflow "not run: the ${BUDGET}s budget is spent"
        return
    fi
    while IFS= read -r line; do
        case $line in
            PASS\ *) echo "$line"; PASSED=$((PASSED + 1)) ;;
            FAIL\ *) echo "$line"; FAILED=$((FAILED + 1)) ;;
            EXIT\ *) exit_status=${line#EXIT } ;;
            *) echo "$line" ;;
        esac
    done < <(E2E_RUN_ID=$RUN E2E_WAIT_SECONDS=$WAIT timeout "$remaining" "$PY" "$HERE/sdk_workflow.py" 2>"$WORK/sdk.err"
        echo "EXIT $?")
    if [[ $exit_status != 0 && $FAILED -eq $failed_before ]]; then
        fail sdk script "exited with $exit_status: $(tail -n 1 "$WORK/sdk.err")"
    fi
}

main() {
    for tool in openstack cinder; do
        command -v "$tool" >/dev/null || { fail "$tool" installed "not on PATH (apt-get install python3-openstackclient python3-cinderclient)"; }
    done
    "$PY" -c 'import openstack' 2>/dev/null || fail sdk installed "no openstack module for $PY (apt-get install python3-openstacksdk)"

    if [[ -n ${EMULATOR_URL:-} ]]; then
        URL=${EMULATOR_URL%/}
    else
        start_emulator || return
    fi
    if wait_healthy; then
        pass emulator health
    else
        fail emulator health "$URL/actuator/health not UP after ${SECONDS}s"
        return
    fi
    osc_workflow
    cinder_workflow
    sdk_workflow
}

cd "$WORK" || exit 1 # the clients write nothing into the repository
exec 3>&1            # notes about known client bugs go straight to the output
main
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
