package dev.cinderemulator.identity;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cinderemulator.support.ControlClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The one application context every Keystone acceptance suite shares (default configuration, the
 * contract's identities), with helpers to log in over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class KeystoneAcceptanceSupport {

    static final String UNAUTHORIZED_BODY = "The request you have made requires authentication.";

    @LocalServerPort
    int port;

    final ControlClock clock = new ControlClock(() -> port);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RequestSpecification keystone() {
        return given().port(port).basePath("/keystone");
    }

    RequestSpecification cinder() {
        return given().port(port);
    }

    /** keystoneauth's password request, scoped to a project by name in domain Default. */
    static String passwordAuth(String user, String password, String project) {
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"name": "Default"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}"""
                .formatted(user, password, project);
    }

    String issue(String body) {
        return keystone().contentType(ContentType.JSON).body(body)
                .when().post("/v3/auth/tokens")
                .then().statusCode(201)
                .extract().header("X-Subject-Token");
    }

    String login(String user, String project) {
        return issue(passwordAuth(user, user, project));
    }

    String projectId(String adminToken, String name) {
        return keystone().header("X-Auth-Token", adminToken).queryParam("name", name)
                .when().get("/v3/projects")
                .then().statusCode(200)
                .extract().path("projects[0].id");
    }
}
