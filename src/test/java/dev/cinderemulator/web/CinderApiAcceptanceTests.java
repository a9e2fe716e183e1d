package dev.cinderemulator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import io.restassured.response.Response;

class CinderApiAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void versionsDocumentNeedsNoTokenAndIsMultipleChoices() {
        given().port(port).filter(CONTRACT).get("/").then().statusCode(300)
                .body("versions[0].id", equalTo("v3.0"))
                .body("versions[0].version", equalTo("3.71"))
                .body("versions[0].min_version", equalTo("3.0"))
                .body("versions[0].links[1].href", equalTo("http://localhost:" + port + "/v3/"))
                .header("OpenStack-API-Version", "volume 3.0");
        cinder().get("/v3/").then().statusCode(200).body("versions[0].status", equalTo("CURRENT"));
    }

    @Test
    void everyResponseCarriesRequestIdsAndTheResolvedVersion() {
        cinder().header("OpenStack-API-Version", "volume latest").get("/v3/backups").then().statusCode(200)
                .header("OpenStack-API-Version", "volume 3.71")
                .header("Vary", "OpenStack-API-Version")
                .header("X-OpenStack-Request-Id", matchesPattern("req-[0-9a-f-]{36}"))
                .header("Content-Type", startsWith("application/json"));
        // Cinder's _is_legacy_endpoint looks for "1.0"/"2.0" in the version text: no header for 2.0.
        cinder().header("OpenStack-API-Version", "volume 2.0").get("/v3/backups").then().statusCode(406)
                .header("OpenStack-API-Version", nullValue());
        cinder().header("OpenStack-API-Version", "volume 3.10").get("/v3/backups").then().statusCode(200)
                .header("OpenStack-API-Version", "volume 3.10");
    }

    @Test
    void badVersionsAreRefusedWithCindersTexts() {
        cinder().header("OpenStack-API-Version", "volume 3.72").get("/v3/backups").then().statusCode(406)
                .header("OpenStack-API-Version", "volume 3.72")
                .body("computeFault.message",
                        equalTo("Version 3.72 is not supported by the API. Minimum is 3.0 and maximum is 3.71."));
        cinder().header("OpenStack-API-Version", "volume 3.01").get("/v3/backups").then().statusCode(400)
                .header("OpenStack-API-Version", nullValue())
                .body("badRequest.message",
                        equalTo("API Version String 3.01 is of invalid format. Must be of format MajorNum.MinorNum."));
        cinder().header("OpenStack-API-Version", "volume").get("/v3/backups").then().statusCode(400);
    }

    @Test
    void malformedRequestsGetCinderShapedAnswers() {
        malformed().body("{not json").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request body"));
        malformed().post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("None is not of type 'object'"));
        malformed().body("[]").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("[] is not of type 'object'"));
        malformed().body("{\"backup\": {\"volume_id\": 1}}").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Invalid input for field/attribute volume_id. Value: 1. 1 is not of type 'string'"));
        cinder().body("{\"backup\": {\"volume_id\": \"not a uuid\"}}").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute volume_id. Value: not a uuid. 'not a uuid' is not a 'uuid'"));
        cinder().body("{\"backup\": {\"volume_id\": \"" + java.util.UUID.randomUUID() + "\", \"force\": \"maybe\"}}")
                .post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", startsWith("Invalid input for field/attribute force. Value: maybe. "
                        + "'maybe' is not one of [True, 'True',"));
        cinder().body("{\"backup\": {\"volume_id\": \"" + java.util.UUID.randomUUID() + "\", \"metadata\": {}}}")
                .post("/v3/backups").then().statusCode(400).body("badRequest.message", org.hamcrest.Matchers.endsWith(
                        "'metadata': {}}. Additional properties are not allowed ('metadata' was unexpected)"));
        malformed().body("{\"backup\": {\"volume_id\": \"" + java.util.UUID.randomUUID() + "\"}, \"extra\": 1}").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('extra' was unexpected)"));
        malformed().accept("application/json").get("/v3/no-such-thing").then().statusCode(404)
                .body("title", equalTo("Not Found"));
    }

    @Test
    void contentTypesOtherThanJsonAreUnsupported() {
        given().port(port).header("X-Auth-Token", "admin:" + project).contentType("text/plain").body("x")
                .post("/v3/backups").then().statusCode(415)
                .body("badMediaType.message", equalTo("Unsupported Content-Type"));
        given().port(port).header("X-Auth-Token", "admin:" + project).contentType("application/json").accept("application/json")
                .body("{\"backup\": {}}").patch("/v3/backups/x").then().statusCode(404)
                .body("code", equalTo("404 Not Found"));
    }

    /**
     * Cinder's router answers webob's 404 for a path or method it has no route for, before the
     * API's wrapping: only the request id among the headers, and the body follows {@code Accept}.
     */
    @Test
    void pathsAndMethodsWithoutARouteGetTheRoutersWebob404() {
        List<String> paths = List.of("/v3/" + project + "/backups/", "/v3/" + project + "/backups/x/restore",
                "/v3/not-hex-project/backups", "/v3/" + project + "/nothing");
        for (String path : paths) {
            Response answer = malformed().accept("application/json").header("OpenStack-API-Version", "volume 3.70")
                    .get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.asString()).as(path).isEqualTo("{\"message\": \"The resource could not be found."
                    + "<br /><br />\\n\\n\\n\", \"code\": \"404 Not Found\", \"title\": \"Not Found\"}");
            assertThat(answer.contentType()).isEqualTo("application/json");
            assertThat(answer.header("X-OpenStack-Request-Id")).startsWith("req-");
            assertThat(answer.headers().hasHeaderWithName("OpenStack-API-Version")).as(path).isFalse();
            assertThat(answer.headers().hasHeaderWithName("Vary")).as(path).isFalse();
            assertThat(answer.headers().hasHeaderWithName("X-Compute-Request-Id")).as(path).isFalse();
        }
        malformed().accept("application/json").body("{}").post("/v3/backups/action").then().statusCode(404)
                .body("title", equalTo("Not Found")).header("Vary", nullValue());
        malformed().accept("application/json").delete("/v3/backups").then().statusCode(404)
                .body("title", equalTo("Not Found"));
        malformed().accept("text/plain").get("/v3/nothing").then().statusCode(404)
                .contentType("text/plain; charset=UTF-8")
                .body(equalTo("404 Not Found\n\nThe resource could not be found.\n\n   "));
        malformed().accept("*/*").get("/v3/nothing").then().statusCode(404).contentType("text/html; charset=UTF-8")
                .body(containsString("<h1>404 Not Found</h1>"));
        at("3.0").body("{\"backup\": {\"name\": \"x\"}}").put("/v3/backups/{id}", UUID.randomUUID().toString())
                .then().statusCode(404).header("Vary", "OpenStack-API-Version")
                .body("itemNotFound.message", equalTo("The resource could not be found."));
    }

    @Test
    void noauthHandsOutATokenWhenNoneIsSent() {
        Response answer = given().port(port).get("/v3/backups");
        assertThat(answer.headers().hasHeaderWithName("X-Compute-Request-Id")).isFalse();
        assertThat(answer.headers().hasHeaderWithName("OpenStack-API-Version")).isFalse();
        assertThat(answer.header("X-OpenStack-Request-Id")).startsWith("req-");
        given().port(port).get("/v3/backups").then().statusCode(204)
                .header("X-Auth-Token", "admin:admin")
                .header("X-Server-Management-Url", "http://localhost:" + port + "/v3/backups");
    }

    @Test
    void theSameApiIsServedUnderThePcdPrefixAndWithAProjectSegment() {
        String volume = createVolume(1);
        given().port(port).header("X-Auth-Token", "admin:" + project).get("/cinder/v3/" + project + "/volumes/{id}",
                volume).then().statusCode(200)
                .body("volume.links[0].href",
                        equalTo("http://localhost:" + port + "/cinder/v3/" + project + "/volumes/" + volume))
                .body("volume.links[1].href",
                        equalTo("http://localhost:" + port + "/cinder/" + project + "/volumes/" + volume));
        given().port(port).header("X-Forwarded-Host", "a.example, pcd.example").header("X-Forwarded-Proto", "https")
                .header("X-Auth-Token", "admin:" + project).get("/cinder/v3/volumes/{id}", volume).then()
                .body("volume.links[0].href", equalTo("https://pcd.example/cinder/v3/volumes/" + volume));
        given().port(port).get("/cinder/").then().statusCode(300);
    }

    @Test
    void requestBodiesOverTheLimitAreRefused() {
        String big = "{\"backup\": {\"name\": \"" + "x".repeat(120_000) + "\"}}";
        cinder().body(big).post("/v3/backups").then().statusCode(413)
                .body("overLimit.message", startsWith("Request is too large."));
    }
}
