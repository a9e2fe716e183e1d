package dev.cinderemulator.testing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running emulator, wherever it runs: in a container ({@link CinderEmulatorContainer}) or in the
 * test's JVM ({@link CinderEmulatorTest}). It tells a client where to log in and what to send, and
 * drives the emulator through its control API over HTTP, so a test reads the same either way.
 *
 * <p>The control calls need a caller the emulator lets in (docs/control-api.md): the in-process
 * emulator is reached over loopback, and the container is started with
 * {@code EMULATOR_CONTROL_OPEN=true}.
 */
public interface CinderEmulator {

    /** {@code emulator.auth.mode}: Keystone tokens, or Cinder's {@code noauth} {@code user:project} tokens. */
    enum AuthMode {
        KEYSTONE, NOAUTH
    }

    /** The operations of the emulated services that take time ({@code emulator.timing.*}). */
    List<String> TIMED_OPERATIONS = List.of("backup-create", "backup-restore", "backup-delete", "backup-import",
            "volume-create", "volume-delete", "snapshot-create", "snapshot-delete");

    /** Where the emulator listens, such as {@code http://localhost:41234}, without a trailing slash. */
    URI baseUrl();

    AuthMode authMode();

    /** Keystone v3, what clients authenticate against ({@code OS_AUTH_URL}). */
    default String authUrl() {
        return baseUrl() + "/keystone/v3";
    }

    /** Cinder v3 without a project ({@code /v3}); the catalog hands out {@code /v3/<project_id>}. */
    default String cinderUrl() {
        return baseUrl() + "/v3";
    }

    /** The control API ({@code /_emulator}): reset, fixtures, timing, clock, faults, request journal. */
    default String controlUrl() {
        return baseUrl() + "/_emulator";
    }

    default String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    /** {@link #cloudConfig(EmulatorUser)} for {@code demo}. */
    default Map<String, Object> cloudConfig() {
        return cloudConfig(EmulatorUser.DEMO);
    }

    /**
     * One {@code clouds.<name>} entry of a {@code clouds.yaml} (openstacksdk, the {@code openstack}
     * CLI): a password login at {@link #authUrl()} in keystone mode; in noauth mode cinderclient's
     * {@code noauth} plugin, which sends {@code user:project} tokens to {@code <cinder>/<project>}.
     */
    default Map<String, Object> cloudConfig(EmulatorUser user) {
        Map<String, Object> auth = new LinkedHashMap<>();
        Map<String, Object> cloud = new LinkedHashMap<>();
        if (authMode() == AuthMode.NOAUTH) {
            auth.put("user_id", user.username());
            auth.put("project_id", user.projectId());
            auth.put("endpoint", cinderUrl());
            cloud.put("auth_type", "noauth");
        } else {
            auth.put("auth_url", authUrl());
            auth.put("username", user.username());
            auth.put("password", user.password());
            auth.put("project_name", user.projectName());
            auth.put("user_domain_name", EmulatorUser.DOMAIN);
            auth.put("project_domain_name", EmulatorUser.DOMAIN);
            cloud.put("auth_type", "password");
        }
        cloud.put("auth", EmulatorHttp.ordered(auth));
        cloud.put("region_name", "RegionOne");
        cloud.put("interface", "public");
        cloud.put("identity_api_version", "3");
        cloud.put("volume_api_version", "3.64");
        return EmulatorHttp.ordered(cloud);
    }

    /**
     * A whole {@code clouds.yaml} as a map: cloud {@code emulator} logs in as {@code demo},
     * {@code emulator-admin} as {@code admin}.
     */
    default Map<String, Object> cloudsYaml() {
        Map<String, Object> clouds = new LinkedHashMap<>();
        clouds.put("emulator", cloudConfig(EmulatorUser.DEMO));
        clouds.put("emulator-admin", cloudConfig(EmulatorUser.ADMIN));
        return Map.of("clouds", EmulatorHttp.ordered(clouds));
    }

    /** {@link #cloudsYaml()} as YAML text, to write where a Python client or the CLI will read it. */
    default String cloudsYamlText() {
        return EmulatorHttp.yaml(cloudsYaml());
    }

    /**
     * A token for {@code X-Auth-Token}: in keystone mode a project-scoped password login at
     * {@code /keystone/v3/auth/tokens}; in noauth mode {@code username:projectId}.
     */
    default String token(EmulatorUser user) {
        if (authMode() == AuthMode.NOAUTH) {
            return user.username() + ":" + user.projectId();
        }
        return EmulatorHttp.login(URI.create(authUrl() + "/auth/tokens"), user);
    }

    /**
     * Deletes every volume, snapshot, backup and pending piece of work, every fault rule and the
     * journal, and puts timings, clock and id sequence back as configured. Identities stay.
     */
    default void reset() {
        control("POST", "/reset", null);
    }

    /** Deletes one project's volumes, snapshots and backups (a Keystone project id). */
    default void reset(String projectId) {
        control("POST", "/reset?project=" + EmulatorHttp.query(projectId), null);
    }

    /** Stops the virtual clock: nothing becomes due until {@link #advanceClock(Duration)}. */
    default void freezeClock() {
        control("POST", "/clock/freeze", null);
    }

    /** Moves the virtual clock on; the work that fell due is done before this returns. */
    default void advanceClock(Duration by) {
        control("POST", "/clock/advance", "{\"by\": \"" + by + "\"}");
    }

    /** Finishes all pending work of the emulated services now, manual or not. */
    default void completePendingWork() {
        control("POST", "/transitions/complete", null);
    }

    /**
     * How long an operation of {@link #TIMED_OPERATIONS} takes from now on: a duration
     * ({@code PT2S}, {@code 500ms}), {@code 0} or {@code manual}.
     */
    default void setTiming(String operation, String value) {
        control("PUT", "/timing", "{" + EmulatorHttp.json(operation) + ": " + EmulatorHttp.json(value) + "}");
    }

    /** Loads a fixture document (JSON, or YAML when it does not start with '{'), whole or not at all. */
    default void loadFixtures(String document) {
        boolean json = document.stripLeading().startsWith("{");
        EmulatorHttp.expectSuccess(EmulatorHttp.send("POST", URI.create(controlUrl() + "/fixtures"),
                json ? "application/json" : "application/yaml", document));
    }

    /**
     * Any control route ({@code path} relative to {@code /_emulator}, with its query) with an
     * optional JSON body; a refusal (4xx, 5xx) is thrown as an {@link IllegalStateException}.
     */
    default HttpResponse<String> control(String method, String path, String jsonBody) {
        return EmulatorHttp.expectSuccess(
                EmulatorHttp.send(method, URI.create(controlUrl() + path), "application/json", jsonBody));
    }
}
