package dev.cinderemulator.identity;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control API's log-in helpers and fixtures by project name in the default keystone mode: a
 * token from {@code POST /_emulator/tokens} is a real Keystone token, and {@code project: demo}
 * lands where demo/demo sees it.
 */
class ClientSetupKeystoneAcceptanceTests extends KeystoneAcceptanceSupport {

    private static final String DEMO_ID = IdentityDirectory.stableId("project", "demo");

    @AfterEach
    void removeTheDemoProjectsResources() {
        control(port).queryParam("project", DEMO_ID).post("/_emulator/reset").then().statusCode(200);
    }

    @Test
    void aTokenFromTheControlApiIsAKeystoneTokenForTheUsersProject() {
        String token = control(port).body("{\"user\": \"demo\"}").post("/_emulator/tokens").then().statusCode(201)
                .body("token.project_id", equalTo(DEMO_ID)).body("token.expires_at", notNullValue())
                .extract().path("token.id");

        keystone().header("X-Auth-Token", token).header("X-Subject-Token", token).get("/v3/auth/tokens").then()
                .statusCode(200).body("token.project.name", equalTo("demo")).body("token.user.name", equalTo("demo"));
        cinder().header("X-Auth-Token", token).get("/v3/backups").then().statusCode(200);
    }

    @Test
    void aFixtureByProjectNameIsSeenByTheDemoUser() {
        control(port).contentType("application/yaml").body(yaml("""
                volumes:
                  - id: 0d3c3a10-5f52-4c1e-9a57-00000000b001
                    project: demo
                    name: by-name
                    size: 1
                backups:
                  - volume_id: 0d3c3a10-5f52-4c1e-9a57-00000000b001
                    name: by-name-backup
                """)).post("/_emulator/fixtures").then().statusCode(201);

        String token = login("demo", "demo");
        cinder().header("X-Auth-Token", token).get("/v3/backups").then().statusCode(200)
                .body("backups.name", hasItem("by-name-backup"));
        cinder().header("X-Auth-Token", token).get("/v3/volumes").then().statusCode(200)
                .body("volumes", hasSize(1));
    }

    @Test
    void aFixtureWithAnIdOfNoConfiguredProjectIsRefusedWithTheReason() {
        malformedControl(port).contentType("application/yaml").body(yaml("""
                volumes:
                  - project_id: demo
                    size: 1
                """)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", containsString("volumes[0].project_id: no configured project has the id demo"))
                .body("error.message", containsString("demo = " + DEMO_ID));
    }

    @Test
    void cloudsYamlAndOpenrcLogInWithPasswords() {
        control(port).get("/_emulator/clouds.yaml").then().statusCode(200)
                .body(containsString("auth_url: \"http://localhost:" + port + "/keystone/v3\""))
                .body(containsString("emulator-alt_demo:"));
        control(port).queryParam("user", "admin").get("/_emulator/openrc").then().statusCode(200)
                .body(containsString("export OS_AUTH_URL=http://localhost:" + port + "/keystone/v3\n"))
                .body(containsString("export OS_USERNAME=admin\n"))
                .body(containsString("export OS_PASSWORD=admin\n"))
                .body(containsString("export OS_PROJECT_NAME=admin\n"));
    }

    @Test
    void actuatorInfoCarriesTheReadyBannersFacts() {
        given().port(port).get("/actuator/info").then().statusCode(200)
                .body("emulator.auth_mode", equalTo("keystone"))
                .body("emulator.cinder", equalTo("http://localhost:" + port + "/v3"))
                .body("emulator.os_auth_url", equalTo("http://localhost:" + port + "/keystone/v3"))
                .body("emulator.users.find { it.name == 'demo' }.password", equalTo("demo"))
                .body("emulator.data", containsString("in memory"))
                .body("emulator.dashboard", equalTo("http://localhost:" + port + "/_emulator/ui"))
                .body("emulator.openrc.OS_USERNAME", equalTo("demo"));
    }

    private static byte[] yaml(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
