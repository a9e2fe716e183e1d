package dev.cinderemulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

class KeystoneTokenAcceptanceTests extends KeystoneAcceptanceSupport {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final String BAD_REQUEST_TAIL = " The server could not comply with the request since it is "
            + "either malformed or otherwise incorrect. The client is assumed to be in error.";

    @Test
    void passwordByNameIssuesProjectScopedTokenWithCatalog() {
        Response response = keystone().contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens");

        response.then().statusCode(201)
                .header("X-Subject-Token", startsWith("gAAAAA"))
                .header("Vary", "X-Auth-Token")
                .header("Content-Type", startsWith("application/json"))
                .header("X-OpenStack-Request-Id", startsWith("req-"))
                .body("token.methods", contains("password"))
                .body("token.user.name", equalTo("demo"))
                .body("token.user.id", matchesPattern("[0-9a-f]{32}"))
                .body("token.user.domain.id", equalTo("default"))
                .body("token.user.domain.name", equalTo("Default"))
                .body("token.user", hasKey("password_expires_at"))
                .body("token.user.password_expires_at", nullValue())
                .body("token.audit_ids", contains(matchesPattern("[A-Za-z0-9_-]{22}")))
                .body("token.issued_at", matchesPattern(TIMESTAMP))
                .body("token.expires_at", matchesPattern(TIMESTAMP))
                .body("token.project.name", equalTo("demo"))
                .body("token.project.id", matchesPattern("[0-9a-f]{32}"))
                .body("token.project.domain.id", equalTo("default"))
                .body("token.project.domain.name", equalTo("Default"))
                .body("token.is_domain", equalTo(false))
                .body("token.roles.name", containsInAnyOrder("member", "reader"))
                .body("token.roles.id", everyItem(matchesPattern("[0-9a-f]{32}")))
                .body("token.catalog.type", containsInAnyOrder("identity", "image", "block-storage", "volumev3"));

        JsonPath token = response.jsonPath().setRootPath("token");
        Instant issued = Instant.parse(token.getString("issued_at"));
        Instant expires = Instant.parse(token.getString("expires_at"));
        assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void adminRoleImpliesManagerMemberAndReader() {
        keystone().contentType(ContentType.JSON).body(passwordAuth("admin", "admin", "admin"))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.roles.name", contains("admin", "manager", "member", "reader"));
    }

    @Test
    void passwordByIdsIssuesTheSameScope() {
        JsonPath byName = keystone().contentType(ContentType.JSON)
                .body(passwordAuth("alt_demo", "alt_demo", "alt_demo"))
                .when().post("/v3/auth/tokens").then().statusCode(201).extract().jsonPath();
        String userId = byName.getString("token.user.id");
        String projectId = byName.getString("token.project.id");

        keystone().contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["password"],
                   "password": {"user": {"id": "%s", "password": "alt_demo"}}},
                 "scope": {"project": {"id": "%s"}}}}""".formatted(userId, projectId))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.user.id", equalTo(userId))
                .body("token.user.name", equalTo("alt_demo"))
                .body("token.project.id", equalTo(projectId));

        keystone().contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["password"],
                   "password": {"user": {"name": "alt_demo", "domain": {"id": "default"}, "password": "alt_demo"}}},
                 "scope": {"project": {"name": "alt_demo", "domain": {"id": "default"}}}}}""")
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.project.id", equalTo(projectId));
    }

    @Test
    void withoutScopeTheTokenIsScopedToTheDefaultProject() {
        keystone().contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["password"],
                   "password": {"user": {"name": "demo", "domain": {"name": "Default"}, "password": "demo"}}}}}""")
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.project.name", equalTo("demo"))
                .body("token.roles.name", hasItem("member"));
    }

    @Test
    void explicitlyUnscopedTokenHasNoProjectRolesOrCatalog() {
        keystone().contentType(ContentType.JSON).body(unscoped("demo"))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.user.name", equalTo("demo"))
                .body("token", not(hasKey("project")))
                .body("token", not(hasKey("roles")))
                .body("token", not(hasKey("catalog")))
                .body("token", not(hasKey("is_domain")));
    }

    @Test
    void nocatalogLeavesTheCatalogOut() {
        keystone().contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens?nocatalog")
                .then().statusCode(201)
                .body("token.project.name", equalTo("demo"))
                .body("token", not(hasKey("catalog")));
    }

    @Test
    void rescopingAnUnscopedTokenKeepsItsExpiryAndAuditChain() {
        Response first = keystone().contentType(ContentType.JSON).body(unscoped("demo"))
                .when().post("/v3/auth/tokens");
        String unscoped = first.header("X-Subject-Token");
        String originalAudit = first.jsonPath().getString("token.audit_ids[0]");
        String expiresAt = first.jsonPath().getString("token.expires_at");
        clock.advance(Duration.ofMinutes(10));

        keystone().contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}},
                 "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}""".formatted(unscoped))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .body("token.methods", contains("token", "password"))
                .body("token.project.name", equalTo("demo"))
                .body("token.expires_at", equalTo(expiresAt))
                .body("token.audit_ids[1]", equalTo(originalAudit))
                .body("token.audit_ids", not(contains(originalAudit)));
    }

    @Test
    void rescopingWithAnUnknownTokenIsNotFound() {
        keystone().contentType(ContentType.JSON)
                .body("{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"nope\"}}}}")
                .when().post("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.code", equalTo(404))
                .body("error.title", equalTo("Not Found"))
                .body("error.message", equalTo("Could not recognize Fernet token"));
    }

    static Stream<Arguments> refusedLogins() {
        return Stream.of(
                Arguments.of("wrong password", passwordAuth("demo", "not-demo", "demo")),
                Arguments.of("unknown user", passwordAuth("nobody", "nobody", "demo")),
                Arguments.of("unknown project", passwordAuth("demo", "demo", "no-such-project")),
                Arguments.of("project without a role", passwordAuth("demo", "demo", "alt_demo")),
                Arguments.of("unknown user domain", """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "domain": {"name": "Elsewhere"}, "password": "demo"}}}}}"""),
                Arguments.of("no password", """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "domain": {"name": "Default"}}}}}}"""),
                Arguments.of("domain scope", """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                          "domain": {"name": "Default"}, "password": "admin"}}},
                         "scope": {"domain": {"id": "default"}}}}"""),
                Arguments.of("no methods", "{\"auth\": {\"identity\": {\"methods\": []}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedLogins")
    void refusedLoginIsKeystonesBare401(String why, String body) {
        keystone().contentType(ContentType.JSON).body(body)
                .when().post("/v3/auth/tokens")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Keystone uri=\"http://localhost:" + port + "/keystone/v3\"")
                .header("Vary", "X-Auth-Token")
                .body("error.code", equalTo(401))
                .body("error.title", equalTo("Unauthorized"))
                .body("error.message", equalTo(UNAUTHORIZED_BODY))
                .body("error", not(hasKey("identity")));
    }

    @Test
    void aBadXAuthTokenIsRefusedEvenWhenLoggingIn() {
        keystone().header("X-Auth-Token", "stale").contentType(ContentType.JSON)
                .body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens")
                .then().statusCode(401)
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
    }

    @Test
    void unsupportedMethodNamesTheSupportedOnes() {
        keystone().contentType(ContentType.JSON)
                .body("{\"auth\": {\"identity\": {\"methods\": [\"totp\"], \"totp\": {}}}}")
                .when().post("/v3/auth/tokens")
                .then().statusCode(401)
                .body("error.message", equalTo("Attempted to authenticate with an unsupported method."))
                .body("error.identity.methods", contains("password", "token"));
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("no body", ContentType.JSON, "",
                        "Expecting to find auth in request body." + BAD_REQUEST_TAIL),
                Arguments.of("no auth", ContentType.JSON, "{\"other\": 1}",
                        "Expecting to find auth in request body." + BAD_REQUEST_TAIL),
                Arguments.of("not JSON", ContentType.JSON, "{\"auth\": ",
                        "Expecting to find valid JSON in request body." + BAD_REQUEST_TAIL),
                Arguments.of("not an object", ContentType.JSON, "[1, 2]",
                        "Expecting to find valid JSON in request body." + BAD_REQUEST_TAIL),
                Arguments.of("not JSON content", ContentType.TEXT, "{\"auth\": {}}",
                        "Expecting to find application/json in Content-Type header." + BAD_REQUEST_TAIL),
                Arguments.of("no identity", ContentType.JSON, "{\"auth\": {}}",
                        "'identity' is a required property"),
                Arguments.of("no methods", ContentType.JSON, "{\"auth\": {\"identity\": {}}}",
                        "Invalid input for field 'identity': 'methods' is a required property"),
                Arguments.of("methods not a list", ContentType.JSON,
                        "{\"auth\": {\"identity\": {\"methods\": \"password\"}}}",
                        "Invalid input for field 'identity/methods': 'password' is not of type 'array'"),
                Arguments.of("password not a string", ContentType.JSON, """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "domain": {"name": "Default"}, "password": 12345}}}}}""",
                        "Invalid input for field 'identity/password/user/password': '***' is not of type 'string'"),
                Arguments.of("method without data", ContentType.JSON,
                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"]}}}",
                        "Expecting to find password in identity." + BAD_REQUEST_TAIL),
                Arguments.of("user without id or name", ContentType.JSON,
                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {}}}}}",
                        "Invalid input for field identity/password/user: id or name must be present."),
                Arguments.of("user name without domain", ContentType.JSON, """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "password": "demo"}}}}}""",
                        "Expecting to find domain in user." + BAD_REQUEST_TAIL),
                Arguments.of("project name without domain", ContentType.JSON, """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "domain": {"name": "Default"}, "password": "demo"}}},
                         "scope": {"project": {"name": "demo"}}}}""",
                        "Expecting to find domain in project." + BAD_REQUEST_TAIL),
                Arguments.of("two scopes", ContentType.JSON, """
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                          "domain": {"name": "Default"}, "password": "demo"}}},
                         "scope": {"project": {"id": "x"}, "domain": {"id": "default"}}}}""",
                        "Expecting to find system, project, domain, OS-TRUST:trust or unscoped in scope."
                                + BAD_REQUEST_TAIL),
                Arguments.of("scope null", ContentType.JSON, """
                        {"auth": {"identity": {"methods": []}, "scope": null}}""",
                        "Invalid input for field 'scope': None is not of type 'object', 'string'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedRequestIsKeystonesValidationError(String why, ContentType contentType, String body,
            String message) {
        keystone().contentType(contentType).body(body)
                .when().post("/v3/auth/tokens")
                .then().statusCode(400)
                .header("Content-Type", startsWith("application/json"))
                .body("error.code", equalTo(400))
                .body("error.title", equalTo("Bad Request"))
                .body("error.message", equalTo(message));
    }

    @Test
    void validationEchoesTheSubjectTokenAndRendersItAgain() {
        String demo = login("demo", "demo");

        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(200)
                .header("X-Subject-Token", demo)
                .header("Vary", "X-Auth-Token")
                .body("token.user.name", equalTo("demo"))
                .body("token.project.name", equalTo("demo"))
                .body("token.catalog.type", hasItem("block-storage"));

        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens?nocatalog")
                .then().statusCode(200)
                .body("token", not(hasKey("catalog")));

        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", demo)
                .when().head("/v3/auth/tokens")
                .then().statusCode(200)
                .header("X-Subject-Token", demo)
                .body(equalTo(""));
    }

    @Test
    void adminValidatesAnyoneButOthersOnlyTheirOwnTokens() {
        String admin = login("admin", "admin");
        String demo = login("demo", "demo");
        String altDemo = login("alt_demo", "alt_demo");

        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(200)
                .body("token.user.name", equalTo("demo"));
        keystone().header("X-Auth-Token", altDemo).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(403)
                .body("error.title", equalTo("Forbidden"))
                .body("error.message",
                        equalTo("You are not authorized to perform the requested action: identity:validate_token."));
        keystone().header("X-Auth-Token", altDemo).header("X-Subject-Token", demo)
                .when().delete("/v3/auth/tokens")
                .then().statusCode(403)
                .body("error.message",
                        equalTo("You are not authorized to perform the requested action: identity:revoke_token."));
    }

    @Test
    void unknownSubjectTokenIsNotFoundAndMissingCallerIsUnauthorized() {
        String admin = login("admin", "admin");

        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", "not-a-token")
                .when().get("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.code", equalTo(404))
                .body("error.title", equalTo("Not Found"))
                .body("error.message", equalTo("Could not recognize Fernet token"));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.message", equalTo("No token in the request"));
        keystone().header("X-Subject-Token", admin)
                .when().get("/v3/auth/tokens")
                .then().statusCode(401)
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
        keystone().header("X-Auth-Token", "not-a-token").header("X-Subject-Token", admin)
                .when().get("/v3/auth/tokens")
                .then().statusCode(401)
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
    }

    @Test
    void revokedTokenNoLongerValidates() {
        String admin = login("admin", "admin");
        String demo = login("demo", "demo");

        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", demo)
                .when().delete("/v3/auth/tokens")
                .then().statusCode(204);

        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.message", equalTo("Failed to validate token"));
        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", admin)
                .when().get("/v3/auth/tokens")
                .then().statusCode(401);
        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", demo)
                .when().delete("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.message", equalTo("Failed to validate token"));
    }

    @Test
    void tokenExpiresAfterItsTtlOnTheEmulatorClock() {
        String demo = login("demo", "demo");
        clock.advance(Duration.ofMinutes(59));
        keystone().header("X-Auth-Token", demo).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(200);

        clock.advance(Duration.ofMinutes(1));
        String admin = login("admin", "admin");

        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.message", equalTo("Failed to validate token"));
        keystone().header("X-Auth-Token", admin).header("X-Subject-Token", demo)
                .when().get("/v3/auth/tokens?allow_expired=true")
                .then().statusCode(200)
                .body("token.user.name", equalTo("demo"));
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/auth/projects")
                .then().statusCode(401);
        keystone().contentType(ContentType.JSON)
                .body("{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"%s\"}}}}"
                        .formatted(demo))
                .when().post("/v3/auth/tokens")
                .then().statusCode(404)
                .body("error.message", equalTo("Failed to validate token"));
    }

    @Test
    void tokensAreDistinctAndOpaque() {
        List<String> tokens = Stream.generate(() -> login("demo", "demo")).limit(3).toList();

        assertThat(tokens).doesNotHaveDuplicates().allMatch(token -> token.matches("[A-Za-z0-9_-]{40,}"));
    }

    private static String unscoped(String user) {
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"name": "Default"}, "password": "%s"}}}, "scope": "unscoped"}}""".formatted(user, user);
    }
}
