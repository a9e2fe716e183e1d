// The dashboard and Swagger UI in a real browser (Debian's chromium, driven by playwright-core), with
// the openstack CLI as the client whose work the page must show. Run by e2e/browser.sh, which starts
// the emulator and sets BASE_URL. Every wait has a deadline; time moves through the page's buttons.
import {execFile} from "node:child_process";
import {mkdirSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {chromium} from "playwright-core";

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOT_DIR || "target/browser";
const DEADLINE_MS = 30_000;
const run = promisify(execFile);
mkdirSync(SHOTS, {recursive: true});

function step(text) {
    console.log(`[browser] ${new Date().toISOString().slice(11, 19)} ${text}`);
}

async function control(method, path, body) {
    const response = await fetch(BASE + path, {method, headers: {"Content-Type": "application/json"},
        body: body === undefined ? undefined : JSON.stringify(body)});
    if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return response;
}

/** The openstack CLI, logged in as demo with the variables GET /_emulator/openrc gives. */
const openrc = await (await control("GET", "/_emulator/openrc?user=demo")).text();
const cliEnv = {...process.env};
for (const line of openrc.split("\n")) {
    const match = line.match(/^export ([A-Z_]+)=(.*)$/);
    if (match) {
        cliEnv[match[1]] = match[2].replace(/^'(.*)'$/, "$1");
    }
}
async function openstack(...args) {
    step("openstack " + args.join(" "));
    const {stdout} = await run("openstack", [...args, "-f", "json"], {env: cliEnv, timeout: 120_000});
    return JSON.parse(stdout);
}

// A fresh profile each run (playwright passes it to chromium as --user-data-dir).
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "emulator-chromium-")), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: {width: 1600, height: 1100},
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
    const page = browser.pages()[0] || await browser.newPage();
    page.setDefaultTimeout(DEADLINE_MS);
    page.on("pageerror", (error) => {
        console.error("[browser] page error: " + error.message);
        failed = true;
    });

    await control("POST", "/_emulator/reset");
    step("dashboard: open, freeze the clock");
    await page.goto(BASE + "/_emulator/ui");
    await page.locator("#connection", {hasText: "live"}).waitFor();
    await page.click("#freeze");
    await page.locator("#clock-state", {hasText: "frozen"}).waitFor();

    const resource = (kind, name) => page.locator(`.resource[data-kind="${kind}"]`, {hasText: name})
        .locator(".status");

    const volume = await openstack("volume", "create", "--size", "1", "e2e-data");
    await resource("volumes", "e2e-data").filter({hasText: "creating"}).waitFor();
    await page.click("#advance-5s");
    await resource("volumes", "e2e-data").filter({hasText: "available"}).waitFor();
    step(`volume ${volume.id} available on the page`);

    await openstack("volume", "backup", "create", "--name", "e2e-nightly", "e2e-data");
    await resource("backups", "e2e-nightly").filter({hasText: "creating"}).waitFor();
    await page.locator("#pending td", {hasText: "backup-create"}).first().waitFor();
    step("backup e2e-nightly creating on the page, its work pending");
    await page.screenshot({path: join(SHOTS, "dashboard-creating.png")});
    await page.click("#advance-5s");
    await resource("backups", "e2e-nightly").filter({hasText: "available"}).waitFor();
    step("backup e2e-nightly available on the page");
    await page.screenshot({path: join(SHOTS, "dashboard-available.png")});

    step("dashboard: add a fault rule (backup.create ends in error, once)");
    await page.selectOption("#fault-operation", "backup.create");
    await page.selectOption("#fault-action", "outcome");
    await page.fill("#fault-times", "1");
    await page.click("#fault-add");
    await page.locator("#faults li", {hasText: "backup.create → outcome"}).waitFor();
    await openstack("volume", "backup", "create", "--name", "e2e-faulty", "e2e-data");
    await resource("backups", "e2e-faulty").filter({hasText: "creating"}).waitFor();
    await page.click("#advance-5s");
    await resource("backups", "e2e-faulty").filter({hasText: "error"}).waitFor();
    await page.locator("#faults li", {hasText: "0 left, fired 1"}).waitFor();
    const shown = await openstack("volume", "backup", "show", "e2e-faulty");
    if (shown.status !== "error") {
        throw new Error("the CLI sees e2e-faulty in " + shown.status + ", the page in error");
    }
    step("backup e2e-faulty in error on the page and for the CLI");
    await page.screenshot({path: join(SHOTS, "dashboard-fault.png")});

    step("Swagger UI: get a token for demo, list backups");
    const swagger = await browser.newPage();
    swagger.setDefaultTimeout(DEADLINE_MS);
    await swagger.goto(BASE + "/openapi/swagger-ui.html");
    await swagger.locator("#login-user option[value=demo]").waitFor({state: "attached"});
    await swagger.click("#login-button");
    await swagger.locator("#login-state", {hasText: "token for demo in use"}).waitFor();
    await swagger.locator(".opblock-get").first().waitFor();
    await swagger.screenshot({path: join(SHOTS, "swagger-login.png")});
    const list = swagger.locator(".opblock-get").filter({has: swagger.locator('[data-path="/v3/backups"]')}).first();
    await list.locator(".opblock-summary").click();
    await list.locator("button.try-out__btn").click();
    await list.locator("button.execute").click();
    const answer = list.locator(".live-responses-table tr.response .response-col_status").first();
    await answer.waitFor();
    const status = (await answer.textContent()).trim();
    const body = await list.locator(".live-responses-table tr.response .response-col_description pre").first()
        .textContent();
    if (!status.startsWith("200") || !body.includes("e2e-nightly")) {
        throw new Error(`Swagger UI's GET /v3/backups answered ${status}: ${body.slice(0, 300)}`);
    }
    step("Swagger UI listed the backups with the token (200)");
    await swagger.locator(".live-responses-table").first().scrollIntoViewIfNeeded();
    await swagger.screenshot({path: join(SHOTS, "swagger-ui.png")});
} catch (failure) {
    console.error("[browser] FAILED: " + failure.message);
    failed = true;
} finally {
    await browser.close();
}
if (failed) {
    process.exit(1);
}
step("all passed; screenshots in " + SHOTS);
