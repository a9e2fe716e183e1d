#!/usr/bin/env python3
"""Sends the oracle battery (src/test/resources/oracle/battery.yaml) to a real cinder-api and
keystone, normalises the answers and writes them as golden files beside the battery.

OracleReplayTests (Java) replays the same battery against the emulator with the same
normalisation rules (keep both in step: see NORMALISATION below and OracleNormaliser.java).

Usage: battery.py CINDER_BASE KEYSTONE_BASE CINDER_SQLITE OUT_DIR
"""
import base64
import copy
import datetime
import json
import re
import sqlite3
import sys

import requests
import yaml

CINDER, KEYSTONE, DB, OUT = sys.argv[1:5]
BATTERY = yaml.safe_load(open(OUT + "/battery.yaml"))

# ---- NORMALISATION (OracleNormaliser.java does the same, in the same order)
# 1. values captured from earlier answers become ${name} (longest first);
# 2. the keystone base URL becomes ${keystone}, the cinder one ${cinder};
# 3. request ids, timestamps, UUIDs and 32-hex ids become placeholders;
# 4. in JSON bodies, "audit_ids" entries become ${audit-id}; lists of requests marked
#    "unordered" are sorted by their canonical JSON.
REQUEST_ID = re.compile(r"req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX32 = re.compile(r"(?<![0-9a-zA-Z])[0-9a-f]{32}(?![0-9a-zA-Z])")
HEADERS = ["Content-Type", "OpenStack-API-Version", "Vary", "X-OpenStack-Request-Id",
           "X-Compute-Request-Id", "X-Subject-Token", "X-Auth-Token", "X-Server-Management-Url",
           "Location", "WWW-Authenticate", "Retry-After", "OpenStack-Auth-Receipt"]
PRESENCE_ONLY = {"X-OpenStack-Request-Id", "X-Compute-Request-Id", "X-Subject-Token"}

variables = dict(BATTERY.get("variables", {}))


def text_normalise(text, bases):
    for name, value in sorted(variables.items(), key=lambda kv: -len(str(kv[1]))):
        if isinstance(value, str) and len(value) >= 8:
            text = text.replace(value, "${" + name + "}")
    for name, base in bases:
        text = text.replace(base, "${" + name + "}")
    text = REQUEST_ID.sub("${request-id}", text)
    text = TIMESTAMP.sub("${timestamp}", text)
    text = UUID.sub("${uuid}", text)
    text = HEX32.sub("${hex32}", text)
    return text


def canonical(node):
    return json.dumps(node, sort_keys=True)


def json_normalise(node, unordered):
    if isinstance(node, dict):
        return {k: (["${audit-id}"] * len(v) if k == "audit_ids" and isinstance(v, list)
                    else json_normalise(v, unordered)) for k, v in node.items()}
    if isinstance(node, list):
        items = [json_normalise(v, unordered) for v in node]
        return sorted(items, key=canonical) if unordered else items
    return node


def substitute(value):
    if isinstance(value, str):
        return re.sub(r"\$\{([A-Za-z0-9_.-]+)\}", lambda m: str(variables[m.group(1)]), value)
    if isinstance(value, dict):
        return {substitute(k): substitute(v) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v) for v in value]
    return value


def extract(answer, body, path):
    if path.startswith("header:"):
        return answer.headers.get(path[len("header:"):])
    node = body
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


# ---- the backup service's part, which no service plays in the oracle: what manager.py writes
def now():
    return datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")


def service(step):
    resource = substitute(step["resource"])
    db = sqlite3.connect(DB)
    kind = step["service"]
    if kind == "volume-created":
        # the scheduler picks a host, the volume manager creates the volume there
        db.execute("update volumes set status='available', host='emulator@lvm#lvm', launched_at=?, updated_at=?"
                   " where id=?", (now(), now(), resource))
        db.commit()
        db.close()
        return
    if kind == "snapshot-created":
        db.execute("update snapshots set status='available', progress='100%', updated_at=? where id=?",
                   (now(), resource))
        db.commit()
        db.close()
        return
    row = db.execute("select volume_id, parent_id, snapshot_id from backups where id=?", (resource,)).fetchone()
    if kind == "backup-created":
        volume_size = db.execute("select size from volumes where id=?", (row[0],)).fetchone()[0]
        db.execute("update backups set status='available', size=?, object_count=?, container=coalesce(container, 'volumebackups'),"
                   " host='emulator@backup', service='cinder.backup.drivers.swift.SwiftBackupDriver',"
                   " updated_at=? where id=?", (volume_size, max(1, volume_size * 21), now(), resource))
        # _finish_backup: the snapshot, or else the volume, gets its status back
        if row[2]:
            db.execute("update snapshots set status='available', updated_at=? where id=?", (now(), row[2]))
        else:
            db.execute("update volumes set status=previous_status, previous_status='backing-up', updated_at=?"
                       " where id=?", (now(), row[0]))
        if row[1]:
            db.execute("update backups set num_dependent_backups=coalesce(num_dependent_backups, 0)+1 where id=?",
                       (row[1],))
    elif kind == "backup-deleted":
        db.execute("update backups set status='deleted', deleted=1, deleted_at=?, updated_at=? where id=?",
                   (now(), now(), resource))
        if row[1]:
            db.execute("update backups set num_dependent_backups=max(coalesce(num_dependent_backups, 0)-1, 0)"
                       " where id=?", (row[1],))
    elif kind == "backup-restored":
        target = db.execute("select restore_volume_id from backups where id=?", (resource,)).fetchone()[0]
        db.execute("update backups set status='available', restore_volume_id=NULL, updated_at=? where id=?",
                   (now(), resource))
        db.execute("update volumes set status='available', updated_at=? where id=?", (now(), target))
    else:
        raise SystemExit("unknown service step " + kind)
    db.commit()
    db.close()


def send(section, step, bases, base):
    headers = {"Accept": "application/json"}
    token = step.get("token", "admin:${project}" if section == "cinder" else None)
    if token is not None and token != "none":
        headers["X-Auth-Token"] = substitute(token)
    if "version" in step:
        headers["OpenStack-API-Version"] = "volume " + str(step["version"])
    for name, value in (step.get("headers") or {}).items():
        if value is None:
            headers.pop(name, None)
        else:
            headers[name] = substitute(str(value))
    data = None
    if "body" in step:
        data = json.dumps(substitute(step["body"])).encode()
        headers.setdefault("Content-Type", "application/json")
    elif "raw" in step:
        data = substitute(step["raw"]).encode()
    answer = requests.request(step["method"], base + substitute(step["path"]), headers=headers, data=data,
                              allow_redirects=False, timeout=60)
    try:
        body = answer.json() if answer.content else None
        is_json = answer.content != b""
    except ValueError:
        body, is_json = None, False
    for name, path in (step.get("capture") or {}).items():
        try:
            variables[name] = extract(answer, body, path)
        except (KeyError, IndexError, TypeError):
            raise SystemExit("%s: cannot capture %s from %s %s" % (step["id"], path, answer.status_code,
                                                                   answer.text))
    recorded = {"id": step["id"], "status": answer.status_code, "headers": {}}
    for name in HEADERS:
        if name in answer.headers:
            value = answer.headers[name]
            recorded["headers"][name] = "${present}" if name in PRESENCE_ONLY else text_normalise(value, bases)
    if is_json:
        recorded["json"] = json_normalise(json.loads(text_normalise(answer.text, bases)), step.get("unordered", False))
    elif answer.content:
        recorded["text"] = text_normalise(answer.text, bases)
    return recorded


def setup_keystone():
    """The emulator's identities and catalog (application.yml, identity/Catalog.java) in the real
    keystone, made through its API as an operator would after keystone-manage bootstrap."""
    auth = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "admin", "domain": {"id": "default"}, "password": "admin"}}},
        "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    token = requests.post(KEYSTONE + "/v3/auth/tokens", json=auth).headers["X-Subject-Token"]
    h = {"X-Auth-Token": token}

    def post(path, body):
        # keystone on sqlite now and then answers "database is locked" (500): try again.
        for _ in range(10):
            answer = requests.post(KEYSTONE + path, json=body, headers=h)
            if answer.status_code != 500:
                break
        answer.raise_for_status()
        return answer.json()

    roles = {r["name"]: r["id"] for r in requests.get(KEYSTONE + "/v3/roles", headers=h).json()["roles"]}
    for name in ("demo", "alt_demo"):
        project = post("/v3/projects", {"project": {"name": name, "domain_id": "default"}})["project"]["id"]
        user = post("/v3/users", {"user": {"name": name, "password": name, "domain_id": "default",
                                           "default_project_id": project}})["user"]["id"]
        for _ in range(10):
            answer = requests.put(KEYSTONE + "/v3/projects/%s/users/%s/roles/%s" % (project, user, roles["member"]),
                                  headers=h)
            if answer.status_code != 500:
                break
        answer.raise_for_status()
    for service_type, name, path in (("image", "glance", "/image"),
                                     ("block-storage", "cinder", "/v3/%(project_id)s"),
                                     ("volumev3", "cinderv3", "/v3/%(project_id)s")):
        service_id = post("/v3/services", {"service": {"type": service_type, "name": name}})["service"]["id"]
        for interface in ("public", "internal", "admin"):
            post("/v3/endpoints", {"endpoint": {"service_id": service_id, "interface": interface,
                                                "region_id": "RegionOne", "url": CINDER + path}})
    requests.delete(KEYSTONE + "/v3/auth/tokens", headers={"X-Auth-Token": token, "X-Subject-Token": token})


def main():
    setup_keystone()
    bases = [("keystone", KEYSTONE), ("cinder", CINDER)]
    golden = {}
    for section in ("keystone", "cinder"):
        answers = []
        for step in BATTERY[section]:
            if "service" in step:
                service(step)
                continue
            if "set" in step:
                document = json.dumps(substitute(step["base64-json"])).encode()
                variables[step["set"]] = base64.b64encode(document).decode()
                continue
            answers.append(send(section, step, bases, KEYSTONE if section == "keystone" else CINDER))
        golden[section] = answers
        with open(OUT + "/golden-" + section + ".json", "w") as out:
            json.dump(answers, out, indent=1, sort_keys=False, ensure_ascii=False)
            out.write("\n")
    print("recorded", sum(len(v) for v in golden.values()), "requests")


main()
