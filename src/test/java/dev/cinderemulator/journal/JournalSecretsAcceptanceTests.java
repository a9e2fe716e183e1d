package dev.cinderemulator.journal;

import static dev.cinderemulator.support.ControlApi.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.restassured.http.ContentType;

/**
 * What the journal keeps of real Keystone and Cinder requests, in the default keystone mode: no
 * token, password or secret, however the client spells or shapes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JournalSecretsAcceptanceTests {

    @LocalServerPort
    int port;

    @BeforeEach
    void clearJournal() {
        control(port).delete("/_emulator/requests").then().statusCode(204);
    }

    @Test
    void noSecretReachesTheJournal() {
        String token = given().port(port).contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                  "domain": {"name": "Default"}, "passw\\u006frd": "demo"}}},
                 "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}""")
                .post("/keystone/v3/auth/tokens").then().statusCode(201).extract().header("X-Subject-Token");
        given().port(port).contentType(ContentType.JSON).body("""
                {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}}}}""".formatted(token))
                .post("/keystone/v3/auth/tokens").then().statusCode(201);
        for (String password : new String[] { "{\"value\": \"demo\"}", "[\"demo\"]" }) {
            given().port(port).contentType(ContentType.JSON).body("""
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                      "domain": {"name": "Default"}, "password": %s}}}}}""".formatted(password))
                    .post("/keystone/v3/auth/tokens").then().statusCode(400);
        }
        given().port(port).header("X-Storage-Token", token).header("X-Auth-Token", token)
                .get("/v3/backups").then().statusCode(200);
        given().port(port).header("X-Auth-Token", token).header("X-Subject-Token", token)
                .get("/keystone/v3/auth/tokens").then().statusCode(200);

        String journal = control(port).queryParam("limit", 100).get("/_emulator/requests").then().statusCode(200)
                .extract().asString();

        assertThat(journal).contains("/keystone/v3/auth/tokens").contains("/v3/backups")
                .doesNotContain(token).doesNotContain(token.substring(0, 20))
                .doesNotContain("\"demo\"]").doesNotContain("\\\"value\\\":\\\"demo\\\"")
                .doesNotContain("passw\\\\u006frd\\\": \\\"demo");
        assertThat(journal.replace("\\\"name\\\":\\\"demo\\\"", "").replace("\\\"name\\\": \\\"demo\\\"", ""))
                .as("the only \"demo\" values left are user and project names")
                .doesNotContain("\\\"demo\\\"");
    }
}
