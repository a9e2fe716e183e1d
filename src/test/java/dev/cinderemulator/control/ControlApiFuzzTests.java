package dev.cinderemulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.identity.Identities;
import dev.cinderemulator.engine.Timings;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.fault.FaultRules;
import dev.cinderemulator.journal.RequestJournal;
import dev.cinderemulator.support.FuzzChecks;
import dev.cinderemulator.support.FuzzChecks.Shape;
import dev.cinderemulator.support.FuzzRandom;
import dev.cinderemulator.support.FuzzRequest;
import dev.cinderemulator.support.FuzzValues;
import dev.cinderemulator.support.RawHttp;

/**
 * Garbage in, shaped 4xx out, on every {@code /_emulator} route, in an emulator of its own as it
 * ships (Keystone mode, {@code emulator.control.open=false}): fixture documents, timings, clock
 * moves, fault rules and journal settings with mutated, random and raw bodies and odd content
 * types; every query parameter with odd values; odd ids, unknown routes and methods; variants of
 * each route's path (percent-encoding, {@code ;parameters}, double slashes, dot segments, case)
 * from loopback, and from another address of this machine, where the control API is closed to a
 * caller without an admin token. Every answer must be below 500, every 4xx
 * {@code {"error": {"code": N, "title": "...", "message": "..."}}} (the shape of
 * {@link ControlErrors}), a refused request must leave the emulator as it was (rows and pending
 * work, fault rules, timings, the clock, the journal's bound), and a path variant must be answered
 * as its canonical path is, or refused with a 4xx: from the other address, always refused.
 *
 * <p>
 * 20 000 requests by default, from a fixed seed; {@code -Dfuzz.seed=N} draws others and
 * {@code -Dfuzz.requests=N} sends N (see {@link FuzzRandom}). Each dynamic test is a batch whose
 * display name, like every failure message, names the seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlApiFuzzTests {

    private static final String E = "/_emulator";
    private static final List<String> KEYS = List.of("volumes", "snapshots", "backups", "id", "project_id", "size",
            "status", "name", "volume_id", "parent_id", "created_at", "metadata", "operation", "action", "times",
            "probability", "delay", "retry_after", "message", "fail_reason", "backup_name_pattern", "by", "size",
            "backup-create", "volume-create", "users", "projects", "");

    private ConfigurableApplicationContext emulator;
    private int port;
    private String adminToken;
    private String demoToken;
    private String project;
    private String volume;
    private String backup;
    private RawHttp.Connection connection;
    private RawHttp.Connection remote;
    private Map<String, Object> state;

    @BeforeAll
    void start() throws IOException {
        emulator = new SpringApplicationBuilder(CinderBackupsEmulatorApplication.class).run("--server.port=0",
                "--spring.jmx.enabled=false", "--logging.level.root=WARN");
        port = Integer.parseInt(emulator.getEnvironment().getProperty("local.server.port"));
        connection = new RawHttp.Connection(port);
        emulator.getBean(EmulatorClock.class).freeze();
        adminToken = login("admin");
        demoToken = login("demo");
        // In keystone mode a fixture's project must be one Keystone knows (issue 12): demo's.
        project = emulator.getBean(Identities.class).projectIdByName("demo").orElseThrow();
        volume = new FuzzRandom(FuzzRandom.seed() + 1).uuid().toString();
        backup = new FuzzRandom(FuzzRandom.seed() + 2).uuid().toString();
        loadBaseline();
        state = state();
    }

    @AfterAll
    void stop() throws IOException {
        connection.close();
        if (remote != null) {
            remote.close();
        }
        emulator.close();
    }

    /** A volume and a backup of it, and a pending transition, so that lists and exports have something. */
    private void loadBaseline() {
        String document = """
                {"volumes": [{"id": "%s", "project_id": "%s", "size": 1, "name": "fuzz"}],
                 "backups": [{"id": "%s", "volume_id": "%s", "name": "fuzz", "status": "creating"}]}"""
                .formatted(volume, project, backup, volume);
        RawHttp.Answer answer = new FuzzRequest("POST", E + "/fixtures", List.of("Content-Type: application/json"),
                document.getBytes(StandardCharsets.UTF_8), "baseline").sendOn(connection);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    private String login(String user) {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"name": "Default"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}""".formatted(user, user, user);
        RawHttp.Answer answer = new FuzzRequest("POST", "/keystone/v3/auth/tokens", List.of(
                "Content-Type: application/json"), body.getBytes(StandardCharsets.UTF_8), "login").sendOn(connection);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.header("X-Subject-Token");
    }

    @TestFactory
    Stream<DynamicTest> badBodiesGetControlErrors() {
        return FuzzRandom.batches("control bodies", FuzzRandom.share(20), (random, i) -> send(bodyRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> queryParametersWithOddValuesGetControlErrors() {
        return FuzzRandom.batches("control queries", FuzzRandom.share(25), (random, i) -> send(queryRequest(random,
                false)));
    }

    @TestFactory
    Stream<DynamicTest> oddIdsUnknownRoutesAndMethodsGetControlErrors() {
        return FuzzRandom.batches("control paths", FuzzRandom.share(20), (random, i) -> send(pathRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> pathVariantsFromLoopbackAreAnsweredAsTheirRouteOrRefusedListedInIssue10() {
        return FuzzRandom.batches("control path variants", FuzzRandom.share(15), (random, i) -> {
            FuzzRequest canonical = route(random);
            int canonicalStatus = send(canonical).status();
            FuzzRequest variant = canonical.withTarget(FuzzValues.pathVariant(random, canonical.target()),
                    "variant of " + canonical.target());
            RawHttp.Answer answer = variant.sendOn(connection);
            try {
                FuzzChecks.checkVariant(canonicalStatus, variant, answer);
            } finally {
                checkState(variant, answer);
            }
        });
    }

    /** The access rule holds for every route's canonical path: another address needs an admin token. */
    @TestFactory
    Stream<DynamicTest> canonicalPathsFromAnotherAddressNeedAnAdminToken() {
        InetAddress other = otherAddress();
        return FuzzRandom.batches("control from another address", FuzzRandom.share(5), (random, i) -> {
            RawHttp.Connection remote = remote(other);
            FuzzRequest request = route(random);
            boolean admin = random.chance(20);
            FuzzRequest sent = admin ? request.withHeader("X-Auth-Token: " + adminToken) : random.bool()
                    ? request : request.withHeader("X-Auth-Token: " + random.pick(demoToken, "x", "admin:x"));
            RawHttp.Answer answer = sent.sendOn(remote);
            try {
                FuzzChecks.check(sent, answer, Shape.KEYSTONE);
                if (!admin) {
                    assertThat(answer.status()).as(FuzzChecks.about(sent, answer)).isEqualTo(403);
                }
            } finally {
                checkState(sent, answer);
            }
        });
    }

    /**
     * Finding 1 of issue 10: from another address, without an admin token, a path variant
     * ({@code /%5Femulator/reset}, {@code /_emulator;x/requests}) is refused as its canonical path
     * is, and changes nothing.
     */
    @TestFactory
    Stream<DynamicTest> pathVariantsFromAnotherAddressAreRefusedListedInIssue10() {
        InetAddress other = otherAddress();
        return FuzzRandom.batches("control variants from another address", FuzzRandom.share(15), (random, i) -> {
            RawHttp.Connection remote = remote(other);
            FuzzRequest request = route(random);
            FuzzRequest sent = random.bool() ? request : request.withHeader("X-Auth-Token: " + demoToken);
            FuzzRequest variant = sent.withTarget(random.bool() ? FuzzValues.pathVariant(random, sent.target())
                    : random.pick(REFUSAL_BYPASSES).formatted(sent.target().substring(E.length())),
                    "variant of " + sent.target() + " from " + other.getHostAddress());
            RawHttp.Answer answer = variant.sendOn(remote);
            try {
                FuzzChecks.checkVariant(403, variant, answer);
                assertThat(answer.status()).as(FuzzChecks.about(variant, answer)).isBetween(400, 499);
            } finally {
                checkState(variant, answer);
            }
        });
    }

    /** The spellings finding 1 names, around a route's path below {@code /_emulator}. */
    private static final List<String> REFUSAL_BYPASSES = List.of("/%%5Femulator%s", "/%%5femulator%s",
            "/_emulator;x%s", "/_emulator;%s", "/%%5Femulator;x=1%s", "//_emulator%s", "/x/../_emulator%s",
            "/./_emulator%s", "/_Emulator%s", "/_emulator/.%s", "/_emulato%%72%s");

    /**
     * Finding 6 of issue 10 ({@code /_emulator/fixtures?project=%FF}, {@code /_emulator/requests?status=%FF}
     * and {@code ?path=%FF} answered 500), on every route and parameter, with the other query strings
     * Tomcat cannot parse (an empty name, {@code ?=1}): a 400 in the control API's shape.
     */
    @TestFactory
    Stream<DynamicTest> queriesTomcatCannotParseGetControlErrorsListedInIssue10() {
        return FuzzRandom.batches("control queries not UTF-8", 300, (random, i) -> {
            FuzzRequest request = queryRequest(random, true);
            String broken = random.bool() ? random.pick(QUERY_NAMES) + "=" + random.pick(FuzzValues.NOT_UTF8)
                    : random.pick("=1", "=", "=%FF");
            send(request.withTarget(request.target() + (request.target().contains("?") ? "&" : "?") + broken,
                    "unparsable query"));
        });
    }

    /**
     * Findings 6 and 7 of issue 10: numbers and durations beyond what their field can hold
     * (timing {@code 99999999999999999999} or {@code PT9223372036854775807S}, journal size
     * {@code 2147483648}, fault {@code status: 4294967796}, {@code times: 99999999999999999999},
     * {@code clock/advance?by=1000000000d}, a fixture {@code created_at} in year 999999999) are a 400
     * in the control API's shape, and change nothing.
     */
    @TestFactory
    Stream<DynamicTest> valuesBeyondTheirFieldsAreRefusedListedInIssue10() {
        List<FuzzRequest> requests = new ArrayList<>();
        List<String> numbers = List.of("99999999999999999999", "9223372036854775808", "2147483648", "4294967796",
                "-2147483649", "1e400");
        List<String> durations = List.of("PT9223372036854775807S", "1000000000d", "9223372036854775807ms",
                "PT2562047788015216H", "P99999999999D");
        for (String number : numbers) {
            requests.add(json("PUT", E + "/timing", "{\"backup-create\": " + number + "}"));
            requests.add(json("PUT", E + "/requests/settings", "{\"size\": " + number + "}"));
            requests.add(json("POST", E + "/faults", "{\"operation\": \"backup.create\", \"action\": \"http\", "
                    + "\"status\": " + number + "}"));
            requests.add(json("POST", E + "/faults", "{\"operation\": \"backup.create\", \"action\": \"http\", "
                    + "\"status\": 503, \"times\": " + number + "}"));
            requests.add(json("POST", E + "/fixtures", "{\"volumes\": [{\"project_id\": \"" + project
                    + "\", \"size\": " + number + "}]}"));
        }
        for (String duration : durations) {
            requests.add(json("PUT", E + "/timing", "{\"backup-create\": \"" + duration + "\"}"));
            requests.add(json("POST", E + "/clock/advance", "{\"by\": \"" + duration + "\"}"));
            requests.add(new FuzzRequest("POST", E + "/clock/advance?by=" + duration, List.of(), null, "by"));
            requests.add(json("POST", E + "/faults", "{\"operation\": \"backup.create\", \"action\": \"latency\", "
                    + "\"delay\": \"" + duration + "\"}"));
        }
        requests.add(json("POST", E + "/fixtures", "{\"volumes\": [{\"project_id\": \"" + project
                + "\", \"size\": 1, \"created_at\": \"+999999999-12-31T23:59:59\"}]}"));
        requests.add(json("POST", E + "/faults", "{\"operation\": \"backup.create\", \"action\": \"http\", "
                + "\"status\": 503, \"retry_after\": \"0\\r\\nSet-Cookie: evil=1\"}"));
        return requests.stream().map(request -> DynamicTest.dynamicTest(request.method() + " " + request.target() + " "
                + new String(request.body() == null ? new byte[0] : request.body(), StandardCharsets.UTF_8), () -> {
                    RawHttp.Answer answer = send(request);
                    assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(400);
                }));
    }

    /**
     * Finding 8 of issue 10 ({@code Content-Type: ;;;} on {@code POST /_emulator/fixtures} answered
     * 404 "No control route"; {@code a/b/c} answers 500): a body whose type no parser takes is 415
     * on every route that reads one.
     */
    @TestFactory
    Stream<DynamicTest> unparsableContentTypesAreRefusedListedInIssue10() {
        return bodyRoutes().stream().flatMap(route -> UNPARSABLE_CONTENT_TYPES.stream().map(type -> {
            FuzzRequest request = new FuzzRequest((String) route[0], (String) route[1], List.of("Content-Type: "
                    + type), FuzzValues.bytes(route[2]), "unparsable content type");
            return DynamicTest.dynamicTest(request.method() + " " + request.target() + " " + type, () -> {
                RawHttp.Answer answer = send(request);
                assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(415);
            });
        }));
    }

    private static FuzzRequest json(String method, String target, String body) {
        return new FuzzRequest(method, target, List.of("Content-Type: application/json"),
                body.getBytes(StandardCharsets.UTF_8), "out of range");
    }

    private RawHttp.Answer send(FuzzRequest request) {
        RawHttp.Answer answer = request.sendOn(connection);
        try {
            FuzzChecks.check(request, answer, Shape.KEYSTONE);
        } finally {
            checkState(request, answer);
        }
        return answer;
    }

    private void checkState(FuzzRequest request, RawHttp.Answer answer) {
        Map<String, Object> before = state;
        state = state();
        if (answer.status() >= 400) {
            assertThat(state).as("the emulator after the refused %s", request).isEqualTo(before);
        } else {
            keepBounded();
        }
    }

    /**
     * What a refusal must not change: rows and pending work, fault rules, timings, the clock and
     * the journal's bound. (Not what the journal holds: it records refused Cinder and Keystone
     * requests too.)
     */
    private Map<String, Object> state() {
        // Work already due is the emulated services' to finish, whatever the next request: let it
        // finish now, or the worker could finish it during a refused request and look like its effect.
        emulator.getBean(TransitionScheduler.class).runDue();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rows", emulator.getBean(JdbcClient.class).sql("""
                SELECT 'volume' AS kind, id, status, version FROM volumes
                UNION ALL SELECT 'snapshot', id, status, version FROM snapshots
                UNION ALL SELECT 'backup', id, status, version FROM backups
                UNION ALL SELECT 'transition', CAST(id AS VARCHAR(36)), resource_id, 0 FROM transitions
                ORDER BY 1, 2""").query().listOfRows());
        state.put("faults", emulator.getBean(FaultRules.class).list());
        state.put("timing", emulator.getBean(Timings.class).all());
        EmulatorClock clock = emulator.getBean(EmulatorClock.class);
        state.put("clock", clock.isFrozen() ? clock.instant() : "running");
        state.put("journal bound", emulator.getBean(RequestJournal.class).capacity());
        return state;
    }

    /** Accepted requests pile up rows and rules and move the clock on: put things back now and then. */
    private void keepBounded() {
        EmulatorClock clock = emulator.getBean(EmulatorClock.class);
        @SuppressWarnings("unchecked")
        int rows = ((List<Object>) state.get("rows")).size();
        boolean reset = rows > 50 || emulator.getBean(FaultRules.class).list().size() > 20
                || clock.offset().abs().compareTo(Duration.ofDays(3650)) > 0;
        if (rows < 2 || reset || !clock.isFrozen()) {
            if (reset) {
                emulator.getBean(Reset.class).everything();
            }
            clock.freeze();
            if (rows < 2 || reset) {
                loadBaseline();
            }
            state = state();
        }
    }

    private RawHttp.Connection remote(InetAddress other) {
        if (remote == null) {
            remote = new RawHttp.Connection(new InetSocketAddress(other, port), other);
        }
        return remote;
    }

    /** An IPv4 address of this machine that is not loopback: a caller from there is not local. */
    private static InetAddress otherAddress() {
        try {
            Optional<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(ControlApiFuzzTests::isUp).flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst();
            Assumptions.assumeTrue(found.isPresent(), "this machine has no address but loopback");
            return found.get();
        } catch (SocketException unreadable) {
            Assumptions.abort("the network interfaces cannot be read: " + unreadable);
            return null;
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException unreadable) {
            return false;
        }
    }

    // ---- generators

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/yaml",
            "application/x-yaml", "text/yaml", "application/json; charset=utf-8", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "APPLICATION/JSON", "application/*", "*/*", "");
    /** Content types no parser takes: {@link #unparsableContentTypesAreRefusedListedInIssue10} sends them. */
    private static final List<String> UNPARSABLE_CONTENT_TYPES = List.of(";", ";;;", "a/b/c", "ä/ö", "application/");

    /** Every route that takes a body, with a valid body to start from. */
    private List<Object[]> bodyRoutes() {
        Map<String, Object> volumeFixture = Map.of("project_id", project, "size", 1, "name", "f", "status",
                "available", "metadata", Map.of("k", "v"), "created_at", "2025-01-15T09:00:00");
        Map<String, Object> backupFixture = Map.of("volume_id", volume, "name", "b", "status", "available",
                "parent_id", backup, "created_at", "2025-01-16T02:00:00Z");
        return List.of(
                new Object[] { "POST", E + "/fixtures", Map.of("volumes", List.of(volumeFixture)) },
                new Object[] { "POST", E + "/fixtures", Map.of("backups", List.of(backupFixture), "snapshots", List
                        .of(Map.of("volume_id", volume, "name", "s"))) },
                new Object[] { "PUT", E + "/timing", Map.of("backup-create", "2s", "volume-create", "manual",
                        "snapshot-delete", 0) },
                new Object[] { "POST", E + "/clock/advance", Map.of("by", "PT1S") },
                new Object[] { "POST", E + "/faults", Map.of("operation", "backup.create", "action", "http",
                        "status", 503, "message", "m", "retry_after", 5, "times", 1) },
                new Object[] { "POST", E + "/faults", Map.of("operation", "volume.create", "action", "latency",
                        "delay", "10ms", "project", project, "probability", 0.5) },
                new Object[] { "POST", E + "/faults", Map.of("operation", "backup.create", "action", "outcome",
                        "fail_reason", "r", "backup_name_pattern", "a.*", "volume_id", volume) },
                new Object[] { "PUT", E + "/requests/settings", Map.of("size", 100) });
    }

    private FuzzRequest bodyRequest(FuzzRandom random) {
        Object[] route = random.pick(bodyRoutes());
        List<String> headers = new ArrayList<>();
        if (random.chance(80)) {
            headers.add("Content-Type: " + random.pick(CONTENT_TYPES));
        }
        byte[] body = controlBody(random, route[2]);
        return new FuzzRequest((String) route[0], (String) route[1], headers, body, "body for " + route[1]);
    }

    /**
     * The shared body generator, without the numbers and durations beyond a field's range that
     * {@link #valuesBeyondTheirFieldsAreRefusedListedInIssue10} sends on purpose.
     */
    private static byte[] controlBody(FuzzRandom random, Object valid) {
        while (true) {
            byte[] body = FuzzValues.body(random, valid, KEYS);
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (!text.matches("(?s).*\\d{10,}.*") && !text.contains("E+") && !text.contains("e+")) {
                return body;
            }
        }
    }

    private static final List<String> QUERY_NAMES = List.of("project", "format", "resource", "by", "path", "method",
            "status", "limit", "x", "project[]", "%C3%BC");

    /** Every route, with query parameters (its own and others) given odd values. */
    private FuzzRequest queryRequest(FuzzRandom random, boolean notUtf8) {
        String[] route = random.pick(ROUTES);
        List<String> pairs = random.listOf(4, () -> {
            String value = FuzzValues.queryValue(random, notUtf8);
            while (!notUtf8 && value.matches(".*\\d{10,}.*")) {
                value = FuzzValues.queryValue(random, false);
            }
            return random.pick(QUERY_NAMES) + (random.chance(10) ? "" : "=" + value);
        });
        byte[] body = route.length > 2 ? route[2].getBytes(StandardCharsets.UTF_8) : null;
        return new FuzzRequest(route[0], route[1] + "?" + String.join("&", pairs), List.of(
                "Content-Type: application/json"), body, "query");
    }

    /** Every route of {@code openapi/emulator-control.yaml}, with a body where it takes one. */
    private static final String[][] ROUTES = {
            { "POST", E + "/reset" },
            { "GET", E + "/fixtures" },
            { "POST", E + "/fixtures", "{\"volumes\": []}" },
            { "GET", E + "/timing" },
            { "PUT", E + "/timing", "{\"backup-create\": \"2s\"}" },
            { "GET", E + "/transitions" },
            { "POST", E + "/transitions/1/complete" },
            { "POST", E + "/transitions/complete" },
            { "GET", E + "/clock" },
            { "POST", E + "/clock/freeze" },
            { "POST", E + "/clock/unfreeze" },
            { "POST", E + "/clock/reset" },
            { "POST", E + "/clock/advance", "{\"by\": \"PT1S\"}" },
            { "POST", E + "/faults", "{\"operation\": \"backup.create\", \"action\": \"http\", \"status\": 503}" },
            { "GET", E + "/faults" },
            { "GET", E + "/faults/fault-1" },
            { "DELETE", E + "/faults/fault-0" },
            { "DELETE", E + "/faults" },
            { "GET", E + "/requests" },
            { "GET", E + "/requests/count" },
            { "DELETE", E + "/requests" },
            { "GET", E + "/requests/settings" },
            { "PUT", E + "/requests/settings", "{\"size\": 1000}" } };

    private static final List<String> ODD_IDS = List.of("", "..", "%2e%2e", "%2F", "%20", "%00", "ü", "%E2%98%83",
            "x".repeat(5000), "null", "0", "-1", "9223372036854775808", "1.5", "fault-", "fault-1x", "{id}", "*",
            "%25", "a;b", "a%3Bb", "~", ".", "%", "%zz", "%FF");

    /** Odd ids for the routes that take one, unknown routes, and methods a route lacks. */
    private FuzzRequest pathRequest(FuzzRandom random) {
        String id = random.bool() ? random.pick(ODD_IDS) : random.bool() ? "fault-" + random.between(-1, 100)
                : FuzzValues.encode(random.ascii('!', '~', 30));
        String path = random.pick(E + "/faults/" + id, E + "/transitions/" + id + "/complete", E + "/transitions/"
                + id, E + "/" + id, E + "/clock/" + id, E + "/requests/" + id, E + "/fixtures/" + id, E + "/reset/"
                        + id, E + "//faults", E + "/", E, E + "/faults/" + id + "/x", random.pick(ROUTES)[1]);
        String method = random.pick("GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FROB");
        byte[] body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}".getBytes(
                StandardCharsets.UTF_8) : null;
        return new FuzzRequest(method, path, List.of("Content-Type: application/json"), body, "path");
    }

    /** A route's canonical request: the one a variant is compared with. */
    private FuzzRequest route(FuzzRandom random) {
        String[] route = random.pick(ROUTES);
        byte[] body = route.length > 2 ? route[2].getBytes(StandardCharsets.UTF_8) : null;
        return new FuzzRequest(route[0], route[1], List.of("Content-Type: application/json"), body, "canonical");
    }
}
