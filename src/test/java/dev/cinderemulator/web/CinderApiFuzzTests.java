package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.support.CinderClient;
import dev.cinderemulator.support.Ids;
import dev.cinderemulator.support.RawHttp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Garbage in, Cinder-shaped 4xx out. Generated requests hit every Cinder route (volumes,
 * snapshots, backups, their actions and lists) with random and boundary values, wrong types,
 * huge and deeply nested JSON, invalid UTF-8, odd headers and microversions, unknown ids and
 * path tricks. Every answer must be below 500, every 4xx must be {@code {"<fault>": {"code": N,
 * "message": "..."}}}, and a refused request must leave every row as it was. The clock is frozen,
 * so nothing changes behind the requests' backs. 200 tries per property by default;
 * {@code -Djqwik.tries.default=N} runs longer.
 */
class CinderApiFuzzTests {

    private static ConfigurableApplicationContext emulator;
    private static int port;
    private static String project;
    private static String volume;
    private static String snapshot;
    private static String backup;
    private static String exportedRecord;

    @BeforeContainer
    static void start() {
        emulator = new SpringApplicationBuilder(CinderBackupsEmulatorApplication.class).run("--server.port=0",
                "--emulator.auth.mode=noauth", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                "--logging.level.dev.cinderemulator.web.CinderFaults=ERROR");
        port = Integer.parseInt(emulator.getEnvironment().getProperty("local.server.port"));
        EmulatorClock clock = emulator.getBean(EmulatorClock.class);
        clock.freeze();
        project = Ids.project();
        CinderClient cinder = new CinderClient(port, project);
        volume = cinder.post("/v3/volumes", "{\"volume\": {\"size\": 1, \"name\": \"fuzz\"}}").expect(202)
                .text("/volume/id");
        settle(clock);
        snapshot = cinder.post("/v3/snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").expect(202)
                .text("/snapshot/id");
        settle(clock);
        backup = cinder.post("/v3/backups", "{\"backup\": {\"volume_id\": \"" + volume + "\"}}").expect(202)
                .text("/backup/id");
        settle(clock);
        exportedRecord = cinder.get("/v3/backups/" + backup + "/export_record").expect(200)
                .text("/backup-record/backup_url");
    }

    private static void settle(EmulatorClock clock) {
        clock.advance(Duration.ofMinutes(5));
        emulator.getBean(TransitionScheduler.class).runDue();
    }

    @AfterContainer
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** One request as bytes on the wire, described readably for jqwik's report. */
    record FuzzRequest(String method, String target, List<String> headers, byte[] body, String about) {

        byte[] head() {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost").getBytes(StandardCharsets.UTF_8));
            for (String header : headers) {
                // Header values go out as UTF-8 bytes: non-ASCII ones arrive as obs-text.
                head.writeBytes(("\r\n" + header).getBytes(StandardCharsets.UTF_8));
            }
            if (body != null) {
                head.writeBytes(("\r\nContent-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
            }
            return head.toByteArray();
        }

        @Override
        public String toString() {
            String shownBody = body == null ? "-" : body.length > 300 ? body.length + " bytes: "
                    + new String(body, 0, 300, StandardCharsets.UTF_8) + "..." : new String(body, StandardCharsets.UTF_8);
            String shownTarget = target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + ")"
                    : target;
            return method + " " + shownTarget + " " + headers + " body=" + shownBody + " (" + about + ")";
        }
    }

    @Property
    void everyRouteAnswersBadBodiesWithACinderFault(@ForAll("bodyRequests") FuzzRequest request) throws IOException {
        check(request);
    }

    @Property
    void oddHeadersAndMicroversionsGetCinderFaults(@ForAll("headerRequests") FuzzRequest request) throws IOException {
        check(request);
    }

    @Property
    void pathTricksAndUnknownIdsGetCinderFaults(@ForAll("pathRequests") FuzzRequest request) throws IOException {
        check(request);
    }

    @Property
    void listQueriesWithGarbageParametersGetCinderFaults(@ForAll("listRequests") FuzzRequest request)
            throws IOException {
        check(request);
    }

    private static void check(FuzzRequest request) throws IOException {
        List<Map<String, Object>> before = rows();
        RawHttp.Answer answer = RawHttp.send(port, request.head(), request.body());
        assertThat(answer.status()).as("%s answered %s", request, answer.text()).isLessThan(500);
        if (answer.status() >= 400) {
            // A path or method no route has gets the router's webob 404 (RouterNotFound), not a fault.
            boolean routerNotFound = answer.status() == 404 && answer.header("X-Compute-Request-Id") == null
                    && answer.text().contains("404 Not Found");
            if (!request.method().equals("HEAD") && !routerNotFound) {
                assertThat(answer.header("Content-Type")).as("%s answered %s", request, answer.text())
                        .startsWith("application/json");
                JsonNode fault = CinderClient.JSON.readTree(answer.body());
                assertThat(fault.isObject() && fault.size() == 1).as("%s answered %s", request, answer.text())
                        .isTrue();
                JsonNode inner = fault.properties().iterator().next().getValue();
                assertThat(inner.path("code").asInt()).as("%s answered %s", request, answer.text())
                        .isEqualTo(answer.status());
                assertThat(inner.path("message").isString()).as("%s answered %s", request, answer.text()).isTrue();
            }
            assertThat(rows()).as("rows after the refused %s", request).isEqualTo(before);
        }
    }

    /** Every row's identity, status and version, and the pending work: what a refusal must not change. */
    private static List<Map<String, Object>> rows() {
        return emulator.getBean(JdbcClient.class).sql("""
                SELECT 'volume' AS kind, id, status, version FROM volumes
                UNION ALL SELECT 'snapshot', id, status, version FROM snapshots
                UNION ALL SELECT 'backup', id, status, version FROM backups
                UNION ALL SELECT 'transition', CAST(id AS VARCHAR(36)), resource_id, 0 FROM transitions
                ORDER BY 1, 2""").query().listOfRows();
    }

    // ---- generators ----

    private static final String[] COLLECTIONS = { "volumes", "snapshots", "backups" };

    /** Routes with a body, each with a valid body to start from. */
    private static List<Object[]> bodyRoutes() {
        return List.of(
                new Object[] { "POST", "/v3/volumes", Map.of("volume", Map.of("size", 1, "name", "n")) },
                new Object[] { "PUT", "/v3/volumes/" + volume, Map.of("volume", Map.of("name", "n", "metadata",
                        Map.of("k", "v"))) },
                new Object[] { "POST", "/v3/volumes/" + volume + "/action", Map.of("os-reset_status",
                        Map.of("status", "available")) },
                new Object[] { "POST", "/v3/snapshots", Map.of("snapshot", Map.of("volume_id", volume, "force",
                        true)) },
                new Object[] { "PUT", "/v3/snapshots/" + snapshot, Map.of("snapshot", Map.of("description", "d")) },
                new Object[] { "POST", "/v3/backups", Map.of("backup", Map.of("volume_id", volume, "incremental",
                        true, "container", "c")) },
                new Object[] { "PUT", "/v3/backups/" + backup, Map.of("backup", Map.of("name", "n")) },
                new Object[] { "POST", "/v3/backups/" + backup + "/restore", Map.of("restore", Map.of("volume_id",
                        volume)) },
                new Object[] { "POST", "/v3/backups/" + backup + "/action", Map.of("os-reset_status",
                        Map.of("status", "error")) },
                new Object[] { "POST", "/v3/backups/" + backup + "/action", Map.of("os-force_delete", Map.of()) },
                new Object[] { "POST", "/v3/backups/" + backup + "/action", Map.of("backup-import",
                        Map.of("backup_service", "s", "backup_url", exportedRecord)) },
                new Object[] { "POST", "/v3/backups/import_record", Map.of("backup-record",
                        Map.of("backup_service", "s", "backup_url", exportedRecord)) });
    }

    @Provide
    Arbitrary<FuzzRequest> bodyRequests() {
        Arbitrary<Object[]> routes = Arbitraries.of(bodyRoutes());
        Arbitrary<Integer> versions = Arbitraries.integers().between(0, 71);
        return Combinators.combine(routes, bodies(), versions).as((route, body, minor) -> new FuzzRequest(
                (String) route[0], (String) route[1], List.of("X-Auth-Token: admin:" + project,
                        "Content-Type: application/json", "OpenStack-API-Version: volume 3." + minor),
                body.apply(route[2]), "body for " + route[1]));
    }

    /** A body built from the route's valid one: mutated, replaced by random JSON, or raw garbage. */
    private static Arbitrary<java.util.function.Function<Object, byte[]>> bodies() {
        Arbitrary<java.util.function.Function<Object, byte[]>> mutated = Combinators
                .combine(Arbitraries.integers().between(0, 1000), jsonValues(3))
                .as((seed, replacement) -> valid -> json(mutate(valid, seed, replacement)));
        Arbitrary<java.util.function.Function<Object, byte[]>> random = jsonValues(4)
                .map(value -> valid -> json(value));
        Arbitrary<java.util.function.Function<Object, byte[]>> raw = rawBodies().map(bytes -> valid -> bytes);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, mutated), net.jqwik.api.Tuple.of(2, random),
                net.jqwik.api.Tuple.of(2, raw));
    }

    /** Replaces one value (chosen by {@code seed}) somewhere inside {@code valid}, or adds a key. */
    @SuppressWarnings("unchecked")
    private static Object mutate(Object valid, int seed, Object replacement) {
        if (!(valid instanceof Map<?, ?> map) || map.isEmpty()) {
            return replacement;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> keys = new ArrayList<>(copy.keySet());
        if (seed % 7 == 0) {
            copy.put(seed % 2 == 0 ? "unexpected" : "ñ", replacement);
            return copy;
        }
        String key = keys.get(seed % keys.size());
        copy.put(key, seed % 3 == 0 ? replacement : mutate(copy.get(key), seed / 3, replacement));
        return copy;
    }

    private static byte[] json(Object value) {
        return CinderClient.JSON.writeValueAsBytes(value);
    }

    /** JSON values with Cinder's boundaries in them: 255/256-character names, int32/int64 edges, odd text. */
    private static Arbitrary<Object> jsonValues(int depth) {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.of("", " ", "a", "x".repeat(255), "x".repeat(256), "null", "true", "1", "-1", "0",
                        "00000000-0000-0000-0000-000000000000", "ünïcødé ☃", "tab\tnew\nline", "\u0000", "\ud83d\ude00",
                        "available", "error", "creating", "deleting", "restoring", "backing-up", "latest",
                        "{\"nested\": 1}", "%s%n", "../../etc/passwd", "a".repeat(70_000)).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of(0, 1, -1, 2, 255, 256, Integer.MAX_VALUE, Integer.MIN_VALUE).map(Object.class::cast),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L).map(Object.class::cast),
                Arbitraries.of(0.5, -0.0, 1e300, Double.MIN_VALUE).map(Object.class::cast),
                Arbitraries.of(new java.math.BigInteger("123456789012345678901234567890"),
                        new java.math.BigDecimal("1e400")).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<Object> lists = jsonValues(depth - 1).list().ofMaxSize(4).map(Object.class::cast);
        Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("name", "size", "volume_id",
                "status", "metadata", "restore", "backup", "volume", "snapshot", "", "k".repeat(256)),
                Arbitraries.strings().ofMaxLength(8)), jsonValues(depth - 1)).ofMaxSize(4).map(Object.class::cast);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(2, lists),
                net.jqwik.api.Tuple.of(2, maps));
    }

    /** Bodies that aren't JSON, or are JSON no parser should have to swallow. */
    private static Arbitrary<byte[]> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of(new byte[0], bytes(0xC3, 0x28), bytes(0xFF, 0xFE, 0xFD), bytes(0xED, 0xA0, 0x80),
                        "{\"volume\": {\"name\": \"\u00ff\"}}".getBytes(StandardCharsets.ISO_8859_1),
                        concat("{\"backup\": {\"name\": \"".getBytes(StandardCharsets.US_ASCII), bytes(0xC0, 0xAF),
                                "\"}}".getBytes(StandardCharsets.US_ASCII)),
                        "{\"volume\": {\"name\": \"\\ud800\"}}".getBytes(StandardCharsets.US_ASCII),
                        "{".getBytes(StandardCharsets.US_ASCII), "nul".getBytes(StandardCharsets.US_ASCII),
                        "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII),
                        "[1,2,]".getBytes(StandardCharsets.US_ASCII), "\"just a string\"".getBytes(StandardCharsets.US_ASCII),
                        "1e999999999".getBytes(StandardCharsets.US_ASCII),
                        ("{\"volume\": {\"size\": 1" + "0".repeat(5000) + "}}").getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers().between(1, 20_000).map(depth -> ("[".repeat(depth) + "]".repeat(depth))
                        .getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers().between(1, 5_000).map(depth -> ("{\"volume\": " + "{\"a\": ".repeat(depth)
                        + "1" + "}".repeat(depth + 1)).getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers().between(100_000, 130_000).map(size -> ("{\"backup\": {\"name\": \""
                        + "n".repeat(size) + "\"}}").getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers().between(1, 3_000).map(entries -> metadataBody(entries)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    private static byte[] metadataBody(int entries) {
        StringBuilder body = new StringBuilder("{\"volume\": {\"metadata\": {");
        for (int i = 0; i < entries; i++) {
            body.append(i == 0 ? "" : ", ").append("\"key-").append(i).append("\": \"").append("v".repeat(30))
                    .append('"');
        }
        return body.append("}}}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** Every route, plain, with headers that are unusual, malformed or contradictory. */
    @Provide
    Arbitrary<FuzzRequest> headerRequests() {
        Arbitrary<String[]> routes = Arbitraries.of(allRoutes());
        Arbitrary<String> versions = Arbitraries.of("volume 3.0", "volume 3.71", "volume latest",
                "volume 3.999999999999", "volume 99999999999.1", "volume", "volume 3.5 extra", "volume 3.٣",
                "vølume 3.1", "volume 3.", "volume .1", "volume 03.1", "volume -3.1", "volume 3.0x", "", " ",
                "compute 2.1", "volume 3.0, volume 3.71", "volume 3.1,compute 2.1", "VOLUME 3.1", "volume\t3.1",
                "volume 2.0", "volume 4.0", "volume 3.72", "latest");
        Arbitrary<String> tokens = Arbitraries.of("admin:" + project, "admin:" + project, "x", "x:", ":", ":" + project,
                "a:b:c", "admin:" + project + ":extra", "ädmin:" + project, "admin:" + Ids.project(), "", " ");
        Arbitrary<String> contentTypes = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "application/vnd.openstack.volume+json", "APPLICATION/JSON", "text/plain", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "a/b/c", "", ";",
                "application/json; charset=latin1", "ä/ö");
        Arbitrary<List<String>> extras = Arbitraries.of("Accept: application/xml", "Accept: */*",
                "X-Forwarded-Host: evil.example, a b", "X-Forwarded-Proto: gopher", "X-Forwarded-Host: ",
                "X-Auth-Project-Id: ü", "Expect: 100-continue", "Accept-Language: zz", "X-OpenStack-Request-Id: req-x",
                "Cookie: JSESSIONID=x", "Accept-Encoding: gzip", "OpenStack-API-Version: volume 3.9")
                .list().ofMaxSize(3);
        return Combinators.combine(routes, versions, tokens, contentTypes, extras, Arbitraries.of(true, false))
                .as((route, version, token, type, extra, withToken) -> {
                    List<String> headers = new ArrayList<>();
                    if (withToken) {
                        headers.add("X-Auth-Token: " + token);
                    }
                    headers.add("OpenStack-API-Version: " + version);
                    headers.add("Content-Type: " + type);
                    headers.addAll(extra);
                    byte[] body = route[0].equals("GET") || route[0].equals("DELETE") ? null
                            : route[2].getBytes(StandardCharsets.UTF_8);
                    return new FuzzRequest(route[0], route[1], headers, body, "headers");
                });
    }

    /** Method, path and a body that would be valid, for every Cinder route. */
    private static List<String[]> allRoutes() {
        List<String[]> routes = new ArrayList<>();
        routes.add(new String[] { "GET", "/", "" });
        routes.add(new String[] { "GET", "/v3/", "" });
        for (String collection : COLLECTIONS) {
            String id = collection.equals("volumes") ? volume : collection.equals("snapshots") ? snapshot : backup;
            String singular = collection.substring(0, collection.length() - 1);
            routes.add(new String[] { "GET", "/v3/" + collection, "" });
            routes.add(new String[] { "GET", "/v3/" + collection + "/detail", "" });
            routes.add(new String[] { "GET", "/v3/" + collection + "/" + id, "" });
            routes.add(new String[] { "PUT", "/v3/" + collection + "/" + id, "{\"" + singular + "\": {\"name\": \"x\"}}" });
            routes.add(new String[] { "POST", "/v3/" + collection, "{\"" + singular + "\": {\"volume_id\": \""
                    + volume + "\", \"size\": 1}}" });
            routes.add(new String[] { "DELETE", "/v3/" + Ids.project().substring(0, 0) + collection + "/"
                    + java.util.UUID.randomUUID(), "" });
            routes.add(new String[] { "PATCH", "/v3/" + collection + "/" + id, "{}" });
        }
        routes.add(new String[] { "POST", "/v3/volumes/" + volume + "/action", "{\"os-reset_status\": {}}" });
        routes.add(new String[] { "POST", "/v3/backups/" + backup + "/restore", "{\"restore\": {\"volume_id\": \""
                + volume + "\"}}" });
        routes.add(new String[] { "POST", "/v3/backups/" + backup + "/action", "{\"os-reset_status\": {\"status\": "
                + "\"available\"}}" });
        routes.add(new String[] { "GET", "/v3/backups/" + backup + "/export_record", "" });
        routes.add(new String[] { "POST", "/v3/backups/import_record", "{\"backup-record\": {}}" });
        routes.add(new String[] { "OPTIONS", "/v3/backups", "" });
        routes.add(new String[] { "HEAD", "/v3/backups", "" });
        routes.add(new String[] { "DELETE", "/v3/backups", "" });
        routes.add(new String[] { "FROB", "/v3/backups", "" });
        return routes;
    }

    /** Unknown ids and paths that try to escape, double up, encode or overflow the route. */
    @Provide
    Arbitrary<FuzzRequest> pathRequests() {
        Arbitrary<String> prefixes = Arbitraries.of("/v3", "/v3/" + project, "/cinder/v3", "/cinder/v3/" + project,
                "/v3/" + Ids.project(), "//v3", "/v3/", "/v3/.", "/v3/./", "/v3/x/..", "/V3", "/cinder", "/cinder/",
                "/v3/" + project + "/" + project, "/v2", "/v3;x=1", "/v3/%2e%2e", "/_emulator", "/actuator/../v3",
                "/v3/" + "f".repeat(64));
        Arbitrary<String> collections = Arbitraries.of("/volumes", "/snapshots", "/backups", "/backups/detail",
                "/volumes/detail", "/snapshots/detail", "/backups/import_record", "", "/", "/os-quota-sets", "/types",
                "//backups", "/backups/", "/BACKUPS", "/backups%2Fdetail", "/backups/detail/extra");
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of("", "/", "..", "%2e%2e", "%2F", "%2f..%2f", "//", "/./", volume, backup, snapshot,
                        java.util.UUID.randomUUID().toString(), "x".repeat(5000), "%FF%FE", "%C3%28", "%00", "%20",
                        "ü", "%E2%98%83", "null", "0", "-1", "detail", "action", "restore", "export_record", "%25",
                        "a;b", "a%3Bb", "~", "{id}", "*", "$", "%", "%zz").map(id -> "/" + id),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30)
                        .map(id -> "/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)));
        Arbitrary<String> suffixes = Arbitraries.of("", "", "/action", "/restore", "/export_record", "/", "/detail",
                "/action/", "//action", "/x/y/z");
        Arbitrary<String> methods = Arbitraries.of("GET", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD");
        return Combinators.combine(methods, prefixes, collections, ids, suffixes).as((method, prefix, collection,
                id, suffix) -> {
            byte[] body = method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") ? null
                    : "{\"os-reset_status\": {\"status\": \"error\"}}".getBytes(StandardCharsets.UTF_8);
            return new FuzzRequest(method, prefix + collection + id + suffix,
                    List.of("X-Auth-Token: admin:" + project, "Content-Type: application/json"), body, "path");
        });
    }

    /** Lists with every paging, sorting and filtering parameter given odd values. */
    @Provide
    Arbitrary<FuzzRequest> listRequests() {
        Arbitrary<String> lists = Arbitraries.of("/v3/volumes", "/v3/volumes/detail", "/v3/snapshots",
                "/v3/snapshots/detail", "/v3/backups", "/v3/backups/detail");
        Arbitrary<String> names = Arbitraries.of("limit", "marker", "offset", "sort", "sort_key", "sort_dir",
                "with_count", "all_tenants", "name", "name~", "status", "volume_id", "size", "size~", "created_at",
                "updated_at~", "bootable", "metadata", "project_id", "id", "display_name", "data_timestamp",
                "fail_reason", "num_dependent_backups", "availability_zone", "ünï", "x%00", "", "%FF");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "1", "1000", "1001",
                "99999999999999999999", "+5", " 5 ", "1.5", "abc", "true", "maybe", "name:asc", "name:desc,size",
                "created_at:up", "id:asc,id:desc", "x:y:z", ",", ":", "size:asc,status", "%FF", "%00", "ü",
                "2020-01-01", "2020-01-01T00:00:00", "2020-01-01T00:00:00Z", "2020-13-45", "{'a': 'b'}", "%7B%7D",
                volume, backup, snapshot, java.util.UUID.randomUUID().toString(), "x".repeat(3000)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)
                        .map(value -> java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Arbitrary<String> query = Combinators.combine(names, values).as((name, value) -> name + "=" + value).list()
                .ofMaxSize(5).map(pairs -> String.join("&", pairs));
        Arbitrary<String> versions = Arbitraries.of("3.0", "3.30", "3.31", "3.34", "3.37", "3.45", "3.60", "3.71");
        return Combinators.combine(lists, query, versions, Arbitraries.of("admin:" + project, "member:" + project))
                .as((list, q, version, token) -> new FuzzRequest("GET", list + "?" + q, List.of(
                        "X-Auth-Token: " + token, "OpenStack-API-Version: volume " + version), null, "list"));
    }
}
