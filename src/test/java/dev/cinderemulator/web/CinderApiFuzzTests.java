package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.FuzzChecks;
import dev.cinderemulator.support.FuzzChecks.Shape;
import dev.cinderemulator.support.FuzzRandom;
import dev.cinderemulator.support.FuzzRequest;
import dev.cinderemulator.support.FuzzValues;
import dev.cinderemulator.support.RawHttp;

/**
 * Garbage in, Cinder-shaped 4xx out. Generated requests hit every Cinder route (volumes,
 * snapshots, backups, their actions and lists) with random and boundary values, wrong types,
 * huge and deeply nested JSON, invalid UTF-8, odd headers and microversions, unknown ids, path
 * tricks, and variants of each route's path (percent-encoding, {@code ;parameters}, double slashes,
 * dot segments, case). Every answer must be below 500, every 4xx must be {@code {"<fault>":
 * {"code": N, "message": "..."}}}, a refused request must leave every row as it was, and a path
 * variant must be answered as its canonical path is, or refused with a 4xx. The clock is frozen,
 * so nothing changes behind the requests' backs.
 *
 * <p>
 * 20 000 requests by default, from a fixed seed; {@code -Dfuzz.seed=N} draws others and
 * {@code -Dfuzz.requests=N} sends N (see {@link FuzzRandom}). Each dynamic test is a batch whose
 * display name, like every failure message, names the seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CinderApiFuzzTests extends AcceptanceTestSupport {

    private static final String[] COLLECTIONS = { "volumes", "snapshots", "backups" };
    private static final List<String> KEYS = List.of("name", "size", "volume_id", "status", "metadata", "restore",
            "backup", "volume", "snapshot", "", "k".repeat(256));

    @Autowired
    private JdbcClient jdbc;

    private String volume;
    private String snapshot;
    private String backup;
    private String exportedRecord;
    private RawHttp.Connection connection;
    private List<Map<String, Object>> rows;

    @BeforeAll
    void createOneOfEach() {
        clock.freeze();
        volume = createVolume(1);
        snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/snapshots").then()
                .statusCode(202).extract().path("snapshot.id");
        settle();
        backup = createBackup(volume, "");
        settle();
        exportedRecord = cinder().get("/v3/backups/" + backup + "/export_record").then().statusCode(200).extract()
                .path("backup-record.backup_url");
        connection = new RawHttp.Connection(port);
        rows = rows();
    }

    @AfterAll
    void closeConnection() throws IOException {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersBadBodiesWithACinderFault() {
        return FuzzRandom.batches("cinder bodies", FuzzRandom.share(10), (random, i) -> send(bodyRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> oddHeadersAndMicroversionsGetCinderFaults() {
        return FuzzRandom.batches("cinder headers", FuzzRandom.share(35), (random, i) -> send(headerRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> pathTricksAndUnknownIdsGetCinderFaults() {
        return FuzzRandom.batches("cinder paths", FuzzRandom.share(25), (random, i) -> {
            FuzzRequest request = pathRequest(random);
            send(request, Shape.of(request.target()));
        });
    }

    @TestFactory
    Stream<DynamicTest> listQueriesWithGarbageParametersGetCinderFaults() {
        return FuzzRandom.batches("cinder lists", FuzzRandom.share(15), (random, i) -> send(listRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> pathVariantsAreAnsweredAsTheirRouteOrRefusedListedInIssue10() {
        return FuzzRandom.batches("cinder path variants", FuzzRandom.share(15), (random, i) -> {
            FuzzRequest canonical = variantRoute(random);
            int canonicalStatus = send(canonical).status();
            String path = canonical.target();
            FuzzRequest variant = canonical.withTarget(FuzzValues.pathVariant(random, path), "variant of " + path);
            RawHttp.Answer answer = variant.sendOn(connection);
            try {
                FuzzChecks.checkVariant(canonicalStatus, variant, answer);
            } finally {
                checkRows(variant, answer);
            }
        });
    }

    private RawHttp.Answer send(FuzzRequest request) throws IOException {
        return send(request, Shape.CINDER);
    }

    private RawHttp.Answer send(FuzzRequest request, Shape shape) throws IOException {
        RawHttp.Answer answer = request.sendOn(connection);
        try {
            FuzzChecks.check(request, answer, shape);
        } finally {
            checkRows(request, answer);
        }
        return answer;
    }

    private void checkRows(FuzzRequest request, RawHttp.Answer answer) {
        List<Map<String, Object>> before = rows;
        rows = rows();
        if (answer.status() >= 400) {
            assertThat(rows).as("rows after the refused %s", request).isEqualTo(before);
        }
    }

    /** Every row's identity, status and version, and the pending work: what a refusal must not change. */
    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                SELECT 'volume' AS kind, id, status, version FROM volumes
                UNION ALL SELECT 'snapshot', id, status, version FROM snapshots
                UNION ALL SELECT 'backup', id, status, version FROM backups
                UNION ALL SELECT 'transition', CAST(id AS VARCHAR(36)), resource_id, 0 FROM transitions
                ORDER BY 1, 2""").query().listOfRows();
    }

    // ---- generators

    private String token() {
        return "X-Auth-Token: admin:" + project;
    }

    /** Routes with a body, each with a valid body to start from. */
    private List<Object[]> bodyRoutes() {
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

    private FuzzRequest bodyRequest(FuzzRandom random) {
        Object[] route = random.pick(bodyRoutes());
        return new FuzzRequest((String) route[0], (String) route[1], List.of(token(), "Content-Type: application/json",
                "OpenStack-API-Version: volume 3." + random.between(0, 71)),
                FuzzValues.body(random, route[2], KEYS), "body for " + route[1]);
    }

    private static final List<String> VERSIONS = List.of("volume 3.0", "volume 3.71", "volume latest",
            "volume 3.999999999999", "volume 99999999999.1", "volume", "volume 3.5 extra", "volume 3.٣", "vølume 3.1",
            "volume 3.", "volume .1", "volume 03.1", "volume -3.1", "volume 3.0x", "", " ", "compute 2.1",
            "volume 3.0, volume 3.71", "volume 3.1,compute 2.1", "VOLUME 3.1", "volume\t3.1", "volume 2.0",
            "volume 4.0", "volume 3.72", "latest");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/vnd.openstack.volume+json", "APPLICATION/JSON", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "a/b/c", "", ";",
            "application/json; charset=latin1", "ä/ö");
    private static final List<String> EXTRA_HEADERS = List.of("Accept: application/xml", "Accept: */*",
            "X-Forwarded-Host: evil.example, a b", "X-Forwarded-Proto: gopher", "X-Forwarded-Host: ",
            "X-Auth-Project-Id: ü", "Expect: 100-continue", "Accept-Language: zz", "X-OpenStack-Request-Id: req-x",
            "Cookie: JSESSIONID=x", "Accept-Encoding: gzip", "OpenStack-API-Version: volume 3.9");

    /** Every route, plain, with headers that are unusual, malformed or contradictory. */
    private FuzzRequest headerRequest(FuzzRandom random) {
        String[] route = random.pick(allRoutes(random));
        List<String> tokens = List.of("admin:" + project, "admin:" + project, "x", "x:", ":", ":" + project, "a:b:c",
                "admin:" + project + ":extra", "ädmin:" + project, "admin:" + random.hexId(), "", " ");
        List<String> headers = new ArrayList<>();
        if (random.bool()) {
            headers.add("X-Auth-Token: " + random.pick(tokens));
        }
        headers.add("OpenStack-API-Version: " + random.pick(VERSIONS));
        headers.add("Content-Type: " + random.pick(CONTENT_TYPES));
        headers.addAll(random.listOf(3, () -> random.pick(EXTRA_HEADERS)));
        byte[] body = route[0].equals("GET") || route[0].equals("DELETE") ? null
                : route[2].getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(route[0], route[1], headers, body, "headers");
    }

    /** Method, path and a body that would be valid, for every Cinder route. */
    private List<String[]> allRoutes(FuzzRandom random) {
        List<String[]> routes = new ArrayList<>();
        routes.add(new String[] { "GET", "/", "" });
        routes.add(new String[] { "GET", "/v3/", "" });
        for (String collection : COLLECTIONS) {
            String id = collection.equals("volumes") ? volume : collection.equals("snapshots") ? snapshot : backup;
            String singular = collection.substring(0, collection.length() - 1);
            routes.add(new String[] { "GET", "/v3/" + collection, "" });
            routes.add(new String[] { "GET", "/v3/" + collection + "/detail", "" });
            routes.add(new String[] { "GET", "/v3/" + collection + "/" + id, "" });
            routes.add(new String[] { "PUT", "/v3/" + collection + "/" + id, "{\"" + singular
                    + "\": {\"name\": \"x\"}}" });
            routes.add(new String[] { "POST", "/v3/" + collection, "{\"" + singular + "\": {\"volume_id\": \"" + volume
                    + "\", \"size\": 1}}" });
            routes.add(new String[] { "DELETE", "/v3/" + collection + "/" + random.uuid(), "" });
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

    private static final List<String> COLLECTION_PATHS = List.of("/volumes", "/snapshots", "/backups",
            "/backups/detail", "/volumes/detail", "/snapshots/detail", "/backups/import_record", "", "/",
            "/os-quota-sets", "/types", "//backups", "/backups/", "/BACKUPS", "/backups%2Fdetail",
            "/backups/detail/extra");
    private static final List<String> ODD_IDS = List.of("", "/", "..", "%2e%2e", "%2F", "%2f..%2f", "//", "/./",
            "x".repeat(5000), "%FF%FE", "%C3%28", "%00", "%20", "ü", "%E2%98%83", "null", "0", "-1", "detail", "action",
            "restore", "export_record", "%25", "a;b", "a%3Bb", "~", "{id}", "*", "$", "%", "%zz");
    private static final List<String> SUFFIXES = List.of("", "", "/action", "/restore", "/export_record", "/",
            "/detail", "/action/", "//action", "/x/y/z");

    /** Unknown ids and paths that try to escape, double up, encode or overflow the route. */
    private FuzzRequest pathRequest(FuzzRandom random) {
        String prefix = random.pick("/v3", "/v3/" + project, "/cinder/v3", "/cinder/v3/" + project,
                "/v3/" + random.hexId(), "//v3", "/v3/", "/v3/.", "/v3/./", "/v3/x/..", "/V3", "/cinder", "/cinder/",
                "/v3/" + project + "/" + project, "/v2", "/v3;x=1", "/v3/%2e%2e", "/_emulator", "/actuator/../v3",
                "/v3/" + "f".repeat(64));
        String id = random.bool() ? random.pick(random.pick(ODD_IDS), volume, backup, snapshot, random.uuid()
                .toString()) : FuzzValues.encode(random.ascii('!', '~', 30));
        String method = random.pick("GET", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD");
        byte[] body = method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") ? null
                : "{\"os-reset_status\": {\"status\": \"error\"}}".getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(method, prefix + random.pick(COLLECTION_PATHS) + "/" + id + random.pick(SUFFIXES),
                List.of(token(), "Content-Type: application/json"), body, "path");
    }

    private static final List<String> LIST_PARAMETERS = List.of("limit", "marker", "offset", "sort", "sort_key",
            "sort_dir", "with_count", "all_tenants", "name", "name~", "status", "volume_id", "size", "size~",
            "created_at", "updated_at~", "bootable", "metadata", "project_id", "id", "display_name", "data_timestamp",
            "fail_reason", "num_dependent_backups", "availability_zone", "ünï", "x%00", "", "%FF");

    /** Lists with every paging, sorting and filtering parameter given odd values. */
    private FuzzRequest listRequest(FuzzRandom random) {
        String list = random.pick("/v3/volumes", "/v3/volumes/detail", "/v3/snapshots", "/v3/snapshots/detail",
                "/v3/backups", "/v3/backups/detail");
        List<String> pairs = random.listOf(5, () -> random.pick(LIST_PARAMETERS) + "=" + (random.chance(10)
                ? random.pick(volume, backup, snapshot, random.uuid().toString())
                : FuzzValues.queryValue(random, true)));
        String version = random.pick("3.0", "3.30", "3.31", "3.34", "3.37", "3.45", "3.60", "3.71");
        return new FuzzRequest("GET", list + "?" + String.join("&", pairs), List.of("X-Auth-Token: " + random.pick(
                "admin:", "member:") + project, "OpenStack-API-Version: volume " + version), null, "list");
    }

    /** A route whose canonical answer is worth comparing a variant's with, as admin, member or nobody. */
    private FuzzRequest variantRoute(FuzzRandom random) {
        String collection = random.pick(COLLECTIONS);
        String id = collection.equals("volumes") ? volume : collection.equals("snapshots") ? snapshot : backup;
        String singular = collection.substring(0, collection.length() - 1);
        String prefix = random.pick("/v3", "/v3/" + project, "/cinder/v3/" + project);
        String[] route = random.pick(new String[] { "GET", "/" }, new String[] { "GET", "/v3/" },
                new String[] { "GET", prefix + "/" + collection }, new String[] { "GET", prefix + "/" + collection
                        + "/detail" }, new String[] { "GET", prefix + "/" + collection + "/" + id },
                new String[] { "GET", prefix + "/backups/" + backup + "/export_record" },
                new String[] { "PUT", prefix + "/" + collection + "/" + id, "{\"" + singular + "\": {\"name\": \"v\"}}" },
                new String[] { "POST", prefix + "/backups/" + backup + "/action",
                        "{\"os-reset_status\": {\"status\": \"available\"}}" },
                new String[] { "DELETE", prefix + "/" + collection + "/" + random.uuid() });
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
        int who = random.choose(6, 3, 1);
        if (who < 2) {
            headers.add("X-Auth-Token: " + (who == 0 ? "admin:" : "member:") + project);
        }
        byte[] body = route.length > 2 ? route[2].getBytes(StandardCharsets.UTF_8) : null;
        return new FuzzRequest(route[0], route[1], headers, body, "canonical");
    }
}
