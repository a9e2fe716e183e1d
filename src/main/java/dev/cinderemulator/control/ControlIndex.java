package dev.cinderemulator.control;

import java.util.List;

/**
 * Every route of the control API, as {@code GET /_emulator} lists it; {@code ControlIndexTests}
 * keeps it equal to the paths of {@code openapi/emulator-control.yaml}.
 */
final class ControlIndex {

    record Route(String method, String path, String description) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/_emulator", "this list"),
            new Route("GET", "/_emulator/ui", "the live dashboard (HTML)"),
            new Route("GET", "/_emulator/identities", "auth mode, projects and users (with passwords)"),
            new Route("GET", "/_emulator/clouds.yaml", "a clouds.yaml for the openstack CLI and openstacksdk (?user=)"),
            new Route("GET", "/_emulator/openrc", "export OS_* lines for the openstack CLI (?user=, default demo)"),
            new Route("POST", "/_emulator/tokens", "a token for a named user: {\"user\": \"demo\"}"),
            new Route("POST", "/_emulator/reset", "delete everything, or one project's resources (?project=)"),
            new Route("GET", "/_emulator/fixtures", "export the state as a fixture document (?project=, ?format=yaml)"),
            new Route("POST", "/_emulator/fixtures", "load a JSON or YAML fixture document, whole or not at all"),
            new Route("GET", "/_emulator/timing", "per-operation delays"),
            new Route("PUT", "/_emulator/timing", "change some delays (duration, 0, or manual)"),
            new Route("GET", "/_emulator/transitions", "pending work with due times (?resource=)"),
            new Route("POST", "/_emulator/transitions/{id}/complete", "finish one piece of work now"),
            new Route("POST", "/_emulator/transitions/complete", "finish all pending work (?resource=) now"),
            new Route("GET", "/_emulator/clock", "the emulator's clock: now, frozen, offset"),
            new Route("POST", "/_emulator/clock/freeze", "stop the clock"),
            new Route("POST", "/_emulator/clock/unfreeze", "let the clock run again"),
            new Route("POST", "/_emulator/clock/reset", "back to real time"),
            new Route("POST", "/_emulator/clock/advance", "move the clock on (?by= or {\"by\": ...}); due work runs"),
            new Route("GET", "/_emulator/faults", "fault rules, with what is left of them"),
            new Route("POST", "/_emulator/faults", "add a fault rule"),
            new Route("DELETE", "/_emulator/faults", "remove every fault rule"),
            new Route("GET", "/_emulator/faults/{id}", "one fault rule"),
            new Route("DELETE", "/_emulator/faults/{id}", "remove one fault rule"),
            new Route("PUT", "/_emulator/services/{binary}",
                    "disable or enable an emulated Cinder service ({\"disabled\": true}), as an outage"),
            new Route("GET", "/_emulator/requests", "the request journal, newest first (?path=&method=&status=&limit=)"),
            new Route("DELETE", "/_emulator/requests", "clear the journal"),
            new Route("GET", "/_emulator/requests/count", "count journal entries (?path=&method=&status=)"),
            new Route("GET", "/_emulator/requests/settings", "the journal's bound"),
            new Route("PUT", "/_emulator/requests/settings", "change the journal's bound ({\"size\": N}, 0 = off)"));

    private ControlIndex() {
    }
}
