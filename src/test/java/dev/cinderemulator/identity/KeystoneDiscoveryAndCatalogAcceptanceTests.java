package dev.cinderemulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

class KeystoneDiscoveryAndCatalogAcceptanceTests extends KeystoneAcceptanceSupport {

    @ParameterizedTest
    @ValueSource(strings = { "", "/" })
    void unversionedRootListsV3AsMultipleChoices(String path) {
        String v3 = "http://localhost:" + port + "/keystone/v3/";
        keystone().when().get(path)
                .then().statusCode(300)
                .header("Location", v3)
                .header("Content-Type", startsWith("application/json"))
                .header("Vary", "X-Auth-Token")
                .body("versions.values", hasSize(1))
                .body("versions.values[0].id", equalTo("v3.14"))
                .body("versions.values[0].status", equalTo("stable"))
                .body("versions.values[0].updated", equalTo("2020-04-07T00:00:00Z"))
                .body("versions.values[0].links[0].rel", equalTo("self"))
                .body("versions.values[0].links[0].href", equalTo(v3))
                .body("versions.values[0].media-types[0].base", equalTo("application/json"))
                .body("versions.values[0].media-types[0].type",
                        equalTo("application/vnd.openstack.identity-v3+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v3", "/v3/" })
    void v3RootDescribesItself(String path) {
        keystone().when().get(path)
                .then().statusCode(200)
                .body("version.id", equalTo("v3.14"))
                .body("version.status", equalTo("stable"))
                .body("version.links[0].href", equalTo("http://localhost:" + port + "/keystone/v3/"))
                .body("version.media-types[0].type", equalTo("application/vnd.openstack.identity-v3+json"));
    }

    @Test
    void discoveryHonoursForwardedHostAndProto() {
        keystone().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "first.example, cloud.example:8443")
                .when().get("")
                .then().statusCode(300)
                .header("Location", "https://cloud.example:8443/keystone/v3/")
                .body("versions.values[0].links[0].href", equalTo("https://cloud.example:8443/keystone/v3/"));
    }

    @Test
    void catalogPointsAtThisEmulatorWithTheProjectInCindersUrls() {
        JsonPath token = keystone().contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201).extract().jsonPath().setRootPath("token");
        String projectId = token.getString("project.id");
        String base = "http://localhost:" + port;

        assertService(token, "identity", "keystone", base + "/keystone");
        assertService(token, "image", "glance", base + "/image");
        assertService(token, "block-storage", "cinder", base + "/v3/" + projectId);
        assertService(token, "volumev3", "cinderv3", base + "/v3/" + projectId);
    }

    @Test
    void catalogHonoursTheLastForwardedHost() {
        JsonPath token = keystone().header("X-Forwarded-Host", "proxy.internal, cinder.example.com")
                .header("X-Forwarded-Proto", "https")
                .contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens")
                .then().statusCode(201).extract().jsonPath().setRootPath("token");

        assertService(token, "block-storage", "cinder",
                "https://cinder.example.com/v3/" + token.getString("project.id"));
        assertService(token, "identity", "keystone", "https://cinder.example.com/keystone");
    }

    @Test
    void authCatalogNeedsAProjectScopedToken() {
        String demo = login("demo", "demo");
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/auth/catalog")
                .then().statusCode(200)
                .body("catalog.type", containsInAnyOrder("identity", "image", "block-storage", "volumev3"))
                .body("links.self", equalTo("http://localhost:" + port + "/keystone/v3/auth/catalog"));

        String unscoped = issue("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                  "domain": {"name": "Default"}, "password": "demo"}}}, "scope": "unscoped"}}""");
        keystone().header("X-Auth-Token", unscoped)
                .when().get("/v3/auth/catalog")
                .then().statusCode(403)
                .body("error.code", equalTo(403))
                .body("error.title", equalTo("Forbidden"))
                .body("error.message", equalTo("You are not authorized to perform the requested action."));
    }

    @Test
    void unknownRoutesAndMethodsAreKeystoneErrors() {
        String admin = login("admin", "admin");
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/no-such-thing")
                .then().statusCode(404)
                .header("Content-Type", startsWith("application/json"))
                .body("error.code", equalTo(404))
                .body("error.title", equalTo("Not Found"));
        keystone().header("X-Auth-Token", admin).contentType(ContentType.JSON).body("{}")
                .when().post("/v3/projects")
                .then().statusCode(405)
                .body("error.code", equalTo(405))
                .body("error.title", equalTo("Method Not Allowed"));
    }

    @SuppressWarnings("unchecked")
    private static void assertService(JsonPath token, String type, String name, String url) {
        List<Map<String, Object>> catalog = token.getList("catalog");
        Map<String, Object> service = catalog.stream().filter(entry -> type.equals(entry.get("type"))).findFirst()
                .orElseThrow();
        assertThat(service).containsEntry("name", name);
        assertThat((String) service.get("id")).matches("[0-9a-f]{32}");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) service.get("endpoints");
        assertThat(endpoints).extracting(endpoint -> endpoint.get("interface"))
                .containsExactlyInAnyOrder("public", "internal", "admin");
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(endpoint)
                .containsEntry("url", url)
                .containsEntry("region", "RegionOne")
                .containsEntry("region_id", "RegionOne")
                .hasEntrySatisfying("id", id -> assertThat((String) id).matches("[0-9a-f]{32}")));
    }
}
