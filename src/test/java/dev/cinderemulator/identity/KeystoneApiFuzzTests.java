package dev.cinderemulator.identity;

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

import dev.cinderemulator.support.CinderClient;
import dev.cinderemulator.support.FuzzChecks;
import dev.cinderemulator.support.FuzzChecks.Shape;
import dev.cinderemulator.support.FuzzRandom;
import dev.cinderemulator.support.FuzzRequest;
import dev.cinderemulator.support.FuzzValues;
import dev.cinderemulator.support.RawHttp;

/**
 * Garbage in, Keystone-shaped 4xx out, on every {@code /keystone} route: token requests with
 * mutated, random and raw bodies and odd content types; every route with odd, forged, expired-looking
 * and missing {@code X-Auth-Token} and {@code X-Subject-Token} headers and odd methods; odd ids and
 * unknown paths; list filters with odd values; and variants of each route's path
 * (percent-encoding, {@code ;parameters}, double slashes, dot segments, case). Every answer must be
 * below 500, every 4xx {@code {"error": {"code": N, "title": "...", "message": "..."}}}, a refused
 * request must leave the token table as it was (no token issued, none revoked), and a path variant
 * must be answered as its canonical path is, or refused with a 4xx.
 *
 * <p>
 * 20 000 requests by default, from a fixed seed; {@code -Dfuzz.seed=N} draws others and
 * {@code -Dfuzz.requests=N} sends N (see {@link FuzzRandom}). Each dynamic test is a batch whose
 * display name, like every failure message, names the seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoneApiFuzzTests extends KeystoneAcceptanceSupport {

    private static final String V3 = "/keystone/v3";
    private static final List<String> KEYS = List.of("auth", "identity", "methods", "password", "user", "name",
            "domain", "id", "scope", "project", "token", "system", "all", "unscoped", "application_credential",
            "secret", "totp", "passcode", "OS-TRUST:trust", "");

    @Autowired
    private JdbcClient jdbc;

    private String adminToken;
    private String demoToken;
    private String unscopedToken;
    private String adminProject;
    private String demoProject;
    private String demoUser;
    private RawHttp.Connection connection;
    private long held;
    private long revoked;

    @BeforeAll
    void logIn() throws IOException {
        connection = new RawHttp.Connection(port);
        adminToken = login(passwordAuth("admin", "admin", "admin"));
        demoToken = login(passwordAuth("demo", "demo", "demo"));
        unscopedToken = login("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                  "domain": {"name": "Default"}, "password": "demo"}}}}}""");
        adminProject = projectId(adminToken, "admin");
        demoProject = projectId(adminToken, "demo");
        demoUser = keystone().header("X-Auth-Token", adminToken).queryParam("name", "demo").get("/v3/users").then()
                .statusCode(200).extract().path("users[0].id");
        held = held();
        revoked = revoked();
    }

    @AfterAll
    void closeConnection() throws IOException {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> tokenRequestsWithBadBodiesGetKeystoneErrors() {
        return FuzzRandom.batches("keystone bodies", FuzzRandom.share(15), (random, i) -> send(bodyRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> oddTokensHeadersAndMethodsGetKeystoneErrors() {
        return FuzzRandom.batches("keystone headers", FuzzRandom.share(30), (random, i) -> send(headerRequest(
                random)));
    }

    @TestFactory
    Stream<DynamicTest> oddIdsAndUnknownPathsGetKeystoneErrors() {
        return FuzzRandom.batches("keystone paths", FuzzRandom.share(20), (random, i) -> send(pathRequest(random)));
    }

    @TestFactory
    Stream<DynamicTest> listFiltersWithOddValuesGetKeystoneErrors() {
        return FuzzRandom.batches("keystone queries", FuzzRandom.share(15), (random, i) -> send(queryRequest(
                random, false)));
    }

    @TestFactory
    Stream<DynamicTest> pathVariantsAreAnsweredAsTheirRouteOrRefusedListedInIssue10() {
        return FuzzRandom.batches("keystone path variants", FuzzRandom.share(20), (random, i) -> {
            FuzzRequest canonical = route(random);
            int canonicalStatus = send(canonical).status();
            FuzzRequest variant = canonical.withTarget(FuzzValues.pathVariant(random, canonical.target()),
                    "variant of " + canonical.target());
            RawHttp.Answer answer = variant.sendOn(connection);
            try {
                FuzzChecks.checkVariant(canonicalStatus, variant, answer);
            } finally {
                checkTokens(variant, answer);
            }
        });
    }

    /**
     * Finding 6 of issue 10 ({@code /keystone/v3/users?name=%FF},
     * {@code /keystone/v3/auth/tokens?nocatalog=%FF} answered 500), on every route and parameter,
     * with the other query strings Tomcat cannot parse (an empty name, {@code ?=1}): a 400 in
     * Keystone's shape.
     */
    @TestFactory
    Stream<DynamicTest> queriesTomcatCannotParseGetKeystoneErrorsListedInIssue10() {
        return FuzzRandom.batches("keystone queries not UTF-8", 300, (random, i) -> {
            FuzzRequest request = queryRequest(random, true);
            String broken = random.bool() ? random.pick(QUERY_NAMES) + "=" + random.pick(FuzzValues.NOT_UTF8)
                    : random.pick("=1", "=", "=%FF");
            send(request.withTarget(request.target() + "&" + broken, "unparsable query"));
        });
    }

    /** Finding 8 of issue 10: a header too large is 431, a URL too long 414 (not 400 "Malformed request url"). */
    @TestFactory
    Stream<DynamicTest> oversizedHeadersAndUrlsGet431And414ListedInIssue10() {
        return Stream.of(9_000, 65_536).flatMap(size -> Stream.of(
                DynamicTest.dynamicTest("X-Auth-Token of " + size + " bytes", () -> {
                    FuzzRequest request = new FuzzRequest("GET", V3 + "/auth/projects", List.of("X-Auth-Token: "
                            + "t".repeat(size)), null, "oversized header");
                    RawHttp.Answer answer = request.sendOn(connection);
                    assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(431);
                }),
                DynamicTest.dynamicTest("URL of " + size * 8 + " bytes", () -> {
                    FuzzRequest request = new FuzzRequest("GET", V3 + "/users?name=" + "n".repeat(size * 8), List.of(
                            "X-Auth-Token: " + adminToken), null, "oversized URL");
                    RawHttp.Answer answer = request.sendOn(connection);
                    assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(414);
                })));
    }

    /**
     * A Content-Type no parser takes ({@code ;}, {@code a/b/c}) on a token request: Keystone's
     * {@code json_body_before_request} 400, not the 500 the first run of this fuzzing met.
     */
    @TestFactory
    Stream<DynamicTest> tokenRequestsWithAnUnparsableContentTypeAreValidationErrors() {
        return Stream.of(";", "a/b/c", "ä/ö", ";;;", "application/").map(type -> DynamicTest.dynamicTest(type, () -> {
            FuzzRequest request = new FuzzRequest("POST", V3 + "/auth/tokens", List.of("Content-Type: " + type),
                    passwordAuth("demo", "demo", "demo").getBytes(StandardCharsets.UTF_8), "unparsable content type");
            RawHttp.Answer answer = send(request);
            assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(400);
            assertThat(CinderClient.JSON.readTree(answer.body()).path("error").path("message").asString()).isEqualTo(
                    "Expecting to find application/json in Content-Type header. The server could not comply with the "
                            + "request since it is either malformed or otherwise incorrect. The client is assumed to "
                            + "be in error.");
        }));
    }

    private RawHttp.Answer send(FuzzRequest request) throws IOException {
        RawHttp.Answer answer = request.sendOn(connection);
        try {
            FuzzChecks.check(request, answer, Shape.of(request.target()));
        } finally {
            checkTokens(request, answer);
        }
        return answer;
    }

    private void checkTokens(FuzzRequest request, RawHttp.Answer answer) {
        long heldBefore = held;
        held = held();
        if (answer.status() >= 400) {
            assertThat(held).as("tokens held after the refused %s", request).isEqualTo(heldBefore);
        }
        if (request.method().equals("DELETE")) {
            // Only a DELETE revokes: counting the revoked tokens (a scan) is kept for it.
            long revokedBefore = revoked;
            revoked = revoked();
            if (answer.status() >= 400) {
                assertThat(revoked).as("tokens revoked after the refused %s", request).isEqualTo(revokedBefore);
            }
        }
    }

    /** A refused request issues no token... */
    private long held() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_tokens").query(Long.class).single();
    }

    /** ...and revokes none. */
    private long revoked() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_tokens WHERE revoked").query(Long.class).single();
    }

    private String login(String body) throws IOException {
        FuzzRequest request = new FuzzRequest("POST", V3 + "/auth/tokens", List.of("Content-Type: application/json"),
                body.getBytes(StandardCharsets.UTF_8), "login");
        RawHttp.Answer answer = request.sendOn(connection);
        assertThat(answer.status()).as(FuzzChecks.about(request, answer)).isEqualTo(201);
        held = held();
        return answer.header("X-Subject-Token");
    }

    // ---- generators

    /** A valid token request of each kind Keystone takes, to mutate. */
    private List<Object> validAuths() {
        Map<String, Object> user = Map.of("name", "demo", "domain", Map.of("name", "Default"), "password", "demo");
        Map<String, Object> password = Map.of("methods", List.of("password"), "password", Map.of("user", user));
        return List.of(
                Map.of("auth", Map.of("identity", password, "scope", Map.of("project", Map.of("name", "demo",
                        "domain", Map.of("name", "Default"))))),
                Map.of("auth", Map.of("identity", password, "scope", Map.of("project", Map.of("id", demoProject)))),
                Map.of("auth", Map.of("identity", password, "scope", Map.of("domain", Map.of("id", "default")))),
                Map.of("auth", Map.of("identity", password, "scope", "unscoped")),
                Map.of("auth", Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                        Map.of("id", demoUser, "password", "demo"))))),
                Map.of("auth", Map.of("identity", Map.of("methods", List.of("token"), "token", Map.of("id",
                        demoToken)), "scope", Map.of("project", Map.of("id", demoProject)))),
                Map.of("auth", Map.of("identity", Map.of("methods", List.of("application_credential"),
                        "application_credential", Map.of("id", "x", "secret", "y")))),
                Map.of("auth", Map.of("identity", password, "scope", Map.of("system", Map.of("all", true)))));
    }

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/vnd.openstack.identity+json", "APPLICATION/JSON", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "a/b/c", ";", "ä/ö",
            "application/json; charset=latin1");

    private FuzzRequest bodyRequest(FuzzRandom random) {
        List<String> headers = new ArrayList<>();
        int type = random.choose(7, 2, 1);
        if (type == 0) {
            headers.add("Content-Type: application/json");
        } else if (type == 1) {
            headers.add("Content-Type: " + random.pick(CONTENT_TYPES));
        }
        if (random.chance(10)) {
            headers.add("X-Auth-Token: " + authToken(random));
        }
        String query = random.chance(10) ? random.pick("?nocatalog", "?nocatalog=1", "?nocatalog=", "?x=1") : "";
        return new FuzzRequest("POST", V3 + "/auth/tokens" + query, headers, FuzzValues.body(random, random.pick(
                validAuths()), KEYS), "token request");
    }

    /** Tokens as a client might send them: real ones, revoked-looking, forged, empty, huge, not ASCII. */
    private String authToken(FuzzRandom random) {
        return random.pick(adminToken, demoToken, unscopedToken, adminToken + "x", demoToken.substring(0, 10),
                "gAAAAA" + random.ascii('A', 'z', 180), "", " ", "x", "admin:" + adminProject, "null", "ü" + demoToken,
                "t".repeat(4_000), demoToken + " " + adminToken, demoToken + "," + adminToken, "\t" + demoToken,
                random.string(30).replaceAll("[\\r\\n]", ""));
    }

    /** Method, path and (for the token request) a body, for every Keystone route. */
    private List<String[]> allRoutes() {
        List<String[]> routes = new ArrayList<>();
        for (String path : List.of("/keystone", "/keystone/", V3, V3 + "/", V3 + "/auth/tokens", V3 + "/auth/projects",
                V3 + "/auth/domains", V3 + "/auth/system", V3 + "/auth/catalog", V3 + "/projects", V3 + "/projects/"
                        + demoProject, V3 + "/users", V3 + "/users/" + demoUser, V3 + "/users/" + demoUser + "/projects",
                V3 + "/domains", V3 + "/domains/default", V3 + "/roles")) {
            routes.add(new String[] { "GET", path });
        }
        routes.add(new String[] { "HEAD", V3 + "/auth/tokens" });
        routes.add(new String[] { "DELETE", V3 + "/auth/tokens" });
        routes.add(new String[] { "POST", V3 + "/auth/tokens", passwordAuth("demo", "demo", "demo") });
        return routes;
    }

    private static final List<String> EXTRA_HEADERS = List.of("Accept: application/xml", "Accept: */*",
            "Accept: application/json;q=0", "X-Forwarded-Host: evil.example, a b", "X-Forwarded-Proto: gopher",
            "Expect: 100-continue", "OpenStack-API-Version: identity 3.99", "Cookie: JSESSIONID=x",
            "Accept-Encoding: gzip", "X-Auth-Token: second", "X-Subject-Token: second", "Authorization: Basic Og==");

    /** Every route with odd tokens, headers and methods. */
    private FuzzRequest headerRequest(FuzzRandom random) throws IOException {
        String[] route = random.pick(allRoutes());
        String method = random.chance(10) ? random.pick("PUT", "PATCH", "OPTIONS", "TRACE", "FROB", "DELETE", "POST")
                : route[0];
        List<String> headers = new ArrayList<>();
        if (random.chance(80)) {
            headers.add("X-Auth-Token: " + authToken(random));
        }
        if (random.chance(50)) {
            // A token that is revoked when it is a real one must not be one this suite goes on using.
            String subject = method.equals("DELETE") && random.bool() ? login(passwordAuth("demo", "demo", "demo"))
                    : method.equals("DELETE") ? random.pick("x", "", adminToken + "x") : authToken(random);
            headers.add("X-Subject-Token: " + subject);
        }
        headers.add("Content-Type: " + random.pick(CONTENT_TYPES));
        headers.addAll(random.listOf(3, () -> random.pick(EXTRA_HEADERS)));
        byte[] body = route.length > 2 ? route[2].getBytes(StandardCharsets.UTF_8) : null;
        String query = random.chance(10) ? random.pick("?allow_expired=1", "?allow_expired=yes", "?nocatalog") : "";
        return new FuzzRequest(method, route[1] + query, headers, body, "headers");
    }

    private static final List<String> ODD_IDS = List.of("", "..", "%2e%2e", "%2F", "%20", "%00", "ü", "%E2%98%83",
            "x".repeat(5000), "null", "0", "-1", "default", "Default", "admin", "demo", "{id}", "*", "%25", "a;b",
            "a%3Bb", "~", ".", "%", "%zz", "%FF");

    /** Unknown ids and paths under {@code /keystone}. */
    private FuzzRequest pathRequest(FuzzRandom random) {
        String collection = random.pick("/projects", "/users", "/domains", "/roles", "/auth", "/auth/tokens",
                "/credentials", "/services", "/endpoints", "/OS-FEDERATION", "/regions", "", "/v2.0", "//projects");
        String id = random.bool() ? random.pick(ODD_IDS) : random.pick(random.hexId(), demoProject, adminProject,
                demoUser, FuzzValues.encode(random.ascii('!', '~', 30)));
        String suffix = random.pick("", "", "/projects", "/roles", "/", "/x/y", "/groups", "//projects");
        String prefix = random.pick(V3, V3, "/keystone", "/keystone/v2.0", "/keystone/v3.0", "/keystone/V3");
        String method = random.pick("GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
        byte[] body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? "{\"project\": {\"name\": \"x\"}}".getBytes(StandardCharsets.UTF_8) : null;
        List<String> headers = List.of("X-Auth-Token: " + random.pick(adminToken, demoToken), "Content-Type: "
                + "application/json");
        return new FuzzRequest(method, prefix + collection + "/" + id + suffix, headers, body, "path");
    }

    private static final List<String> QUERY_NAMES = List.of("name", "domain_id", "enabled", "nocatalog",
            "allow_expired", "limit", "marker", "id", "parent_id", "is_domain", "user_id", "x", "name[]",
            "%C3%BC");

    /** The list routes, and token validation, with odd filters. */
    private FuzzRequest queryRequest(FuzzRandom random, boolean notUtf8) {
        String path = random.pick(V3 + "/projects", V3 + "/users", V3 + "/users/" + demoUser + "/projects",
                V3 + "/domains", V3 + "/roles", V3 + "/auth/tokens", V3 + "/auth/projects", V3 + "/auth/catalog",
                V3 + "/auth/domains", V3 + "/auth/system", V3 + "/projects/" + demoProject, V3);
        List<String> pairs = random.listOf(4, () -> random.pick(QUERY_NAMES) + (random.chance(10) ? "" : "="
                + FuzzValues.queryValue(random, notUtf8)));
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token: " + random.pick(adminToken, demoToken)));
        if (path.endsWith("/auth/tokens")) {
            headers.add("X-Subject-Token: " + random.pick(adminToken, demoToken, unscopedToken));
        }
        return new FuzzRequest("GET", path + "?" + String.join("&", pairs), headers, null, "query");
    }

    /** A route's canonical request, as admin, member, unscoped or nobody. */
    private FuzzRequest route(FuzzRandom random) {
        String[] route = random.pick(allRoutes());
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
        int who = random.choose(4, 3, 1, 2);
        if (who < 3) {
            headers.add("X-Auth-Token: " + List.of(adminToken, demoToken, unscopedToken).get(who));
        }
        if (route[1].endsWith("/auth/tokens") && !route[0].equals("DELETE")) {
            headers.add("X-Subject-Token: " + random.pick(adminToken, demoToken));
        }
        byte[] body = route.length > 2 ? route[2].getBytes(StandardCharsets.UTF_8) : null;
        if (route[0].equals("DELETE")) {
            // Revoking is compared on a token of its own: the one the canonical request revokes is gone
            // when its variant comes, so both are answered for a subject that is no longer valid.
            headers.add("X-Subject-Token: " + adminToken + "x");
        }
        return new FuzzRequest(route[0], route[1], headers, body, "canonical");
    }
}
