#!/usr/bin/python3
"""The backup workflow through openstacksdk (Debian's python3-openstacksdk), as a user scripts it.

Credentials come only from the OS_* environment (openstack.connect() reads it); the admin steps
switch OS_USERNAME / OS_PASSWORD / OS_PROJECT_NAME the way a user would. Prints one
"PASS sdk <step>" or "FAIL sdk <step>: <why>" line per step; e2e/python-clients.sh counts them.

openstacksdk 0.101 (Debian 12) has no update, export or import for backups, so those steps go
through the SDK's own block-storage proxy as raw REST calls (Adapter.put/get/post), which is what
a user of that SDK version does. The newer SDK's Backup.import_record posts to the wrong path
(/backups/export_record); that bug is not in 0.101.
"""

import os
import sys
import time
import traceback

import openstack
from openstack import exceptions

RUN = os.environ.get("E2E_RUN_ID", str(os.getpid()))
WAIT = int(os.environ.get("E2E_WAIT_SECONDS", "60"))
CLIENT = "sdk"
results = {"passed": 0, "failed": 0}


def connect(user):
    os.environ["OS_USERNAME"] = user
    os.environ["OS_PASSWORD"] = user
    os.environ["OS_PROJECT_NAME"] = user
    return openstack.connect()


def step(name, action):
    """Runs one step; returns its value, or None after printing why it failed."""
    try:
        value = action()
    except Exception as failure:  # noqa: BLE001 - every failure is a FAIL line, not a crash
        why = " ".join(str(failure).split()) or type(failure).__name__
        print(f"FAIL {CLIENT} {name}: {type(failure).__name__}: {why[:300]}", flush=True)
        if os.environ.get("E2E_DEBUG"):
            traceback.print_exc()
        results["failed"] += 1
        return None
    print(f"PASS {CLIENT} {name}", flush=True)
    results["passed"] += 1
    return value


def check(condition, why):
    if not condition:
        raise AssertionError(why)


def wait_gone(proxy, getter, resource_id):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            getter(resource_id)
        except exceptions.ResourceNotFound:
            return True
        time.sleep(0.5)
    raise AssertionError(f"{resource_id} still there after {WAIT}s")


def available(proxy, resource):
    return proxy.wait_for_status(resource, status="available", failures=["error", "error_restoring"],
                                 interval=0.5, wait=WAIT)


def main():
    demo = step("connect-demo", lambda: connect("demo"))
    if demo is None:
        return
    bs = demo.block_storage

    volume = step("volume-create", lambda: bs.create_volume(size=1, name=f"sdk-vol-{RUN}"))
    volume = volume and step("volume-wait-available", lambda: available(bs, volume))
    if volume is None:
        return

    def create_backup():
        backup = bs.create_backup(volume_id=volume.id, name=f"sdk-backup-{RUN}", description="made by the SDK")
        check(backup.id, "no id in the create answer")
        return backup

    backup = step("backup-create", create_backup)
    backup = backup and step("backup-wait-available", lambda: available(bs, backup))
    if backup is None:
        return

    def list_backups(details):
        found = [item for item in bs.backups(details=details) if item.id == backup.id]
        check(len(found) == 1, f"backup {backup.id} not listed")
        if details:
            check(found[0].status == "available", f"detail status is {found[0].status}")
            check(found[0].size == 1, f"detail size is {found[0].size}")

    step("backup-list", lambda: list_backups(False))
    step("backup-list-detail", lambda: list_backups(True))

    def show():
        shown = bs.get_backup(backup.id)
        check(shown.name == f"sdk-backup-{RUN}", f"name is {shown.name}")
        check(shown.volume_id == volume.id, f"volume_id is {shown.volume_id}")
        check(shown.is_incremental is False, f"is_incremental is {shown.is_incremental}")
        found = bs.find_backup(f"sdk-backup-{RUN}", ignore_missing=False)
        check(found.id == backup.id, "find_backup by name found another backup")

    step("backup-show", show)

    def update():
        # openstacksdk 0.101 has no update_backup: PUT through the SDK's proxy, at 3.9 as Cinder wants.
        response = bs.put(f"/backups/{backup.id}", json={"backup": {"name": f"sdk-renamed-{RUN}",
                                                                    "description": "renamed"}},
                          microversion="3.9")
        exceptions.raise_from_response(response)
        check(response.json()["backup"]["name"] == f"sdk-renamed-{RUN}", "update answer has the old name")
        shown = bs.get_backup(backup.id)
        check(shown.name == f"sdk-renamed-{RUN}", f"name after update is {shown.name}")
        check(shown.description == "renamed", f"description after update is {shown.description}")

    step("backup-update", update)

    restored_new = {}

    def restore_new():
        bs.restore_backup(backup, name=f"sdk-restored-{RUN}")
        restoring = bs.get_backup(backup.id)
        available(bs, restoring)
        target = bs.find_volume(f"sdk-restored-{RUN}", ignore_missing=False)
        available(bs, target)
        restored_new["id"] = target.id

    step("backup-restore-new-volume", restore_new)

    restored_existing = {}

    def restore_existing():
        target = available(bs, bs.create_volume(size=1, name=f"sdk-target-{RUN}"))
        restored_existing["id"] = target.id
        bs.restore_backup(backup, volume_id=target.id)
        available(bs, bs.get_backup(backup.id))
        target = available(bs, bs.get_volume(target.id))
        check(target.metadata.get("src_backup_id") == backup.id, f"restored volume's metadata is {target.metadata}")

    step("backup-restore-existing-volume", restore_existing)

    alt = step("connect-alt_demo", lambda: connect("alt_demo"))

    def tenancy():
        try:
            alt.block_storage.get_backup(backup.id)
        except exceptions.ResourceNotFound:
            pass
        else:
            raise AssertionError("alt_demo can read demo's backup")
        listed = [item.id for item in alt.block_storage.backups(all_tenants=True)]
        check(backup.id not in listed, "alt_demo lists demo's backup")
        try:
            alt.block_storage.delete_backup(backup.id, ignore_missing=False)
        except exceptions.ResourceNotFound:
            pass
        else:
            raise AssertionError("alt_demo could delete demo's backup")

    if alt is not None:
        step("tenancy-alt_demo-cannot-see", tenancy)

    admin = step("connect-admin", lambda: connect("admin"))
    record = {}

    def export():
        # No export in openstacksdk 0.101: GET through the SDK's proxy, as admin (Cinder's policy).
        response = admin.block_storage.get(f"/backups/{backup.id}/export_record")
        exceptions.raise_from_response(response)
        record.update(response.json()["backup-record"])
        check(record.get("backup_service") and record.get("backup_url"), f"record is {record}")

    if admin is not None:
        step("backup-export-admin", export)

    def delete_backup():
        bs.delete_backup(backup.id, ignore_missing=False)
        wait_gone(bs, bs.get_backup, backup.id)

    step("backup-delete", delete_backup)

    def import_record():
        check(record, "nothing was exported")
        response = admin.block_storage.post("/backups/import_record", json={"backup-record": record})
        exceptions.raise_from_response(response)
        check(response.status_code == 201, f"import answered {response.status_code}")
        imported = admin.block_storage.get_backup(response.json()["backup"]["id"])
        check(imported.id == backup.id, "the imported backup has another id")
        imported = available(admin.block_storage, imported)
        admin.block_storage.delete_backup(imported.id, ignore_missing=False)
        wait_gone(admin.block_storage, admin.block_storage.get_backup, imported.id)

    if admin is not None:
        step("backup-import-admin", import_record)

    def delete_volumes():
        ids = [volume.id] + [holder["id"] for holder in (restored_new, restored_existing) if "id" in holder]
        for volume_id in ids:
            bs.delete_volume(volume_id, ignore_missing=False)
        for volume_id in ids:
            wait_gone(bs, bs.get_volume, volume_id)

    step("volume-delete", delete_volumes)


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        print(f"FAIL {CLIENT} script: crashed", flush=True)
        results["failed"] += 1
    sys.exit(1 if results["failed"] else 0)
