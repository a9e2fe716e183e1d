// The live dashboard: polls the control API once a second and renders it. No framework, no build.
"use strict";

const OPERATIONS = ["backup.create", "backup.delete", "backup.restore", "backup.list", "backup.show", "backup.update",
    "backup.export", "backup.import", "backup.reset_status", "backup.force_delete", "volume.create", "volume.delete",
    "volume.list", "volume.show", "volume.update", "volume.reset_status", "snapshot.create", "snapshot.delete",
    "snapshot.list", "snapshot.show", "snapshot.update"];
const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);
const lastStatus = new Map();
let projectNames = new Map();

async function call(method, path, body, contentType) {
    const options = {method, headers: {}};
    if (body !== undefined) {
        options.body = typeof body === "string" ? body : JSON.stringify(body);
        options.headers["Content-Type"] = contentType || "application/json";
    }
    const response = await fetch(path, options);
    const text = await response.text();
    const data = text && (response.headers.get("Content-Type") || "").includes("json") ? JSON.parse(text) : text;
    if (!response.ok) {
        throw new Error((data && data.error && data.error.message) || (response.status + " " + text));
    }
    return data;
}

function say(text) {
    $("message").textContent = text;
}

async function act(promise, done) {
    try {
        await promise;
        say(done || "");
        await refresh();
    } catch (failure) {
        say(failure.message);
    }
}

function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
        if (key === "class") {
            node.className = value;
        } else {
            node.setAttribute(key, value);
        }
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? "")));
    return node;
}

function relative(iso, now) {
    if (!iso) {
        return "manual";
    }
    const seconds = Math.round((Date.parse(iso) - now) / 1000);
    return seconds <= 0 ? "due now" : "in " + (seconds < 120 ? seconds + " s" : Math.round(seconds / 60) + " min");
}

/** An ISO-8601 duration of the clock's offset (PT1H2M3.5S, PT-19.8S) in seconds. */
function seconds(duration) {
    const match = /^PT(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?$/.exec(duration) || [];
    return (Number(match[1] || 0) * 3600) + (Number(match[2] || 0) * 60) + Number(match[3] || 0);
}

function spoken(total) {
    const value = Math.abs(total);
    return value < 120 ? Math.round(value) + " s" : value < 7200 ? Math.round(value / 60) + " min"
        : (value / 3600).toFixed(1) + " h";
}

function renderClock(clock) {
    $("clock-now").textContent = clock.now.replace("T", " ").replace(/\.\d+Z$/, "Z");
    const offset = seconds(clock.offset);
    $("clock-state").textContent = (clock.frozen ? "frozen" : "running") + (Math.abs(offset) >= 1
        ? ", " + spoken(offset) + (offset > 0 ? " ahead of" : " behind") + " real time" : "");
    $("clock-panel").dataset.frozen = clock.frozen;
}

function renderPending(transitions, now) {
    const body = $("pending").querySelector("tbody");
    body.replaceChildren(...transitions.map((work) => element("tr", {},
        element("td", {}, work.operation),
        element("td", {class: "id"}, work.resource_id.slice(0, 8)),
        element("td", {title: work.due_at || "manual"}, relative(work.due_at, now)),
        element("td", {}, (() => {
            const button = element("button", {}, "Finish now");
            button.onclick = () => act(call("POST", "/_emulator/transitions/" + work.id + "/complete"));
            return button;
        })()))));
    $("pending-empty").hidden = transitions.length > 0;
}

function renderFaults(faults) {
    $("faults").replaceChildren(...faults.map((rule) => {
        const remove = element("button", {"data-fault": rule.id}, "Remove");
        remove.onclick = () => act(call("DELETE", "/_emulator/faults/" + rule.id), "Removed " + rule.id);
        const left = rule.remaining === undefined || rule.remaining === null ? "every time" : rule.remaining + " left";
        return element("li", {}, element("span", {}, rule.id + ": " + rule.operation + " → " + rule.action
            + (rule.status ? " " + rule.status : "") + (rule.delay ? " " + rule.delay : "") + " (" + left
            + ", fired " + (rule.fired || 0) + ")"), remove);
    }));
    $("faults-empty").hidden = faults.length > 0;
}

function resourceRow(kind, resource) {
    const key = kind + ":" + resource.id;
    const status = element("span", {class: "status " + resource.status, "data-id": resource.id}, resource.status);
    if (lastStatus.has(key) && lastStatus.get(key) !== resource.status) {
        status.classList.add("changed");
    }
    lastStatus.set(key, resource.status);
    return element("div", {class: "resource", "data-kind": kind, "data-id": resource.id},
        element("span", {class: "name"}, resource.name || "(no name)", " ", element("span", {class: "id"},
            resource.id.slice(0, 8) + (resource.size ? " · " + resource.size + " GB" : ""))),
        status);
}

function renderProjects(state) {
    const projects = new Map();
    const add = (kind, resource) => {
        const id = resource.project_id;
        if (!projects.has(id)) {
            projects.set(id, {volumes: [], snapshots: [], backups: []});
        }
        projects.get(id)[kind].push(resource);
    };
    ["volumes", "snapshots", "backups"].forEach((kind) => (state[kind] || []).forEach((r) => add(kind, r)));
    projectNames.forEach((name, id) => {
        if (!projects.has(id) && name === "demo") {
            projects.set(id, {volumes: [], snapshots: [], backups: []});
        }
    });
    const cards = [...projects.entries()].map(([id, resources]) => element("div",
        {class: "project", "data-project": projectNames.get(id) || id},
        element("h3", {}, "Project " + (projectNames.get(id) || id), " ", element("small", {}, id)),
        ...["volumes", "snapshots", "backups"].map((kind) => element("div", {class: "kind"},
            element("h4", {}, kind + " (" + resources[kind].length + ")"),
            ...resources[kind].slice().reverse().map((resource) => resourceRow(kind, resource))))));
    $("projects").replaceChildren(...cards);
}

function renderJournal(requests) {
    $("journal").querySelector("tbody").replaceChildren(...requests.map((entry) => element("tr", {},
        element("td", {}, entry.timestamp.slice(11, 19)),
        element("td", {}, entry.method),
        element("td", {}, entry.path + (entry.query ? "?" + entry.query : "")),
        element("td", {class: "s" + String(entry.status)[0]}, entry.status),
        element("td", {}, entry.duration_ms))));
    $("journal-empty").hidden = requests.length > 0;
}

async function refresh() {
    try {
        const [state, pending, clock, faults, journal] = await Promise.all([
            call("GET", "/_emulator/fixtures"), call("GET", "/_emulator/transitions"), call("GET", "/_emulator/clock"),
            call("GET", "/_emulator/faults"), call("GET", "/_emulator/requests?limit=12")]);
        renderClock(clock);
        renderPending(pending.transitions, Date.parse(clock.now));
        renderFaults(faults.faults);
        renderProjects(state);
        renderJournal(journal.requests);
        $("connection").textContent = "live";
        $("connection").className = "pill ok";
    } catch (failure) {
        $("connection").textContent = "not reachable: " + failure.message;
        $("connection").className = "pill down";
    }
}

async function start() {
    $("fault-operation").replaceChildren(...OPERATIONS.map((name) => element("option", {value: name}, name)));
    try {
        const identities = await call("GET", "/_emulator/identities");
        projectNames = new Map(identities.projects.map((project) => [project.id, project.name]));
        $("mode").textContent = "auth: " + identities.auth_mode;
    } catch (failure) {
        say(failure.message);
    }
    $("freeze").onclick = () => act(call("POST", "/_emulator/clock/freeze"), "Clock frozen");
    $("unfreeze").onclick = () => act(call("POST", "/_emulator/clock/unfreeze"), "Clock running");
    $("clock-reset").onclick = () => act(call("POST", "/_emulator/clock/reset"), "Back to real time");
    document.querySelectorAll("[data-advance]").forEach((button) => {
        button.onclick = () => act(call("POST", "/_emulator/clock/advance", {by: button.dataset.advance}),
            "Clock moved on " + button.textContent);
    });
    $("reset").onclick = () => {
        if (confirm("Delete every volume, snapshot, backup, fault rule and journal entry?")) {
            act(call("POST", "/_emulator/reset"), "Reset");
        }
    };
    $("fault-form").onsubmit = (event) => {
        event.preventDefault();
        const rule = {operation: $("fault-operation").value, action: $("fault-action").value};
        if ($("fault-times").value.trim()) {
            rule.times = Number($("fault-times").value);
        }
        if (rule.action === "http") {
            rule.status = Number($("fault-status").value || 503);
        }
        if (rule.action === "latency") {
            rule.delay = $("fault-delay").value || "2s";
        }
        act(call("POST", "/_emulator/faults", rule), "Fault rule added");
    };
    $("fixture-load").onclick = () => act(call("POST", "/_emulator/fixtures", $("fixture-text").value,
        "application/yaml"), "Fixtures loaded");
    $("fixture-file").onchange = async (event) => {
        const file = event.target.files[0];
        if (file) {
            const json = file.name.endsWith(".json");
            act(call("POST", "/_emulator/fixtures", await file.text(), json ? "application/json" : "application/yaml"),
                "Loaded " + file.name);
        }
    };
    await refresh();
    setInterval(refresh, POLL_MS);
}

start();
