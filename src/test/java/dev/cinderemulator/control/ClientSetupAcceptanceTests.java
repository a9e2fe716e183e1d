package dev.cinderemulator.control;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The control routes for people and scripts, in noauth mode (the shared context): the index, the
 * identities, clouds.yaml, openrc and tokens; fixtures by project name; the dashboard's files; and
 * the pages' own requests kept out of the journal.
 */
class ClientSetupAcceptanceTests extends AcceptanceTestSupport {

    @AfterEach
    void removeTheDemoProjectsResources() {
        control(port).queryParam("project", demoId()).post("/_emulator/reset").then().statusCode(200);
    }

    private String demoId() {
        return control(port).get("/_emulator/identities").then().statusCode(200).extract()
                .path("projects.find { it.name == 'demo' }.id");
    }

    @Test
    void theIndexListsExactlyTheRoutesOfTheContract() throws IOException {
        JsonNode contract = YAMLMapper.builder().build().readTree(Files.readString(
                Path.of("openapi/emulator-control.yaml")));
        List<String> documented = new ArrayList<>();
        for (String path : contract.get("paths").propertyNames()) {
            for (String method : contract.get("paths").get(path).propertyNames()) {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
        }

        List<Map<String, String>> routes = control(port).get("/_emulator").then().statusCode(200)
                .body("contract", equalTo("/openapi/emulator-control.yaml")).extract().path("routes");

        assertThat(routes).extracting(route -> route.get("method") + " " + route.get("path"))
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void identitiesInNoauthModeAreKeystonesIds() {
        control(port).get("/_emulator/identities").then().statusCode(200)
                .body("auth_mode", equalTo("noauth"))
                .body("projects.find { it.name == 'demo' }.id", equalTo("7771d6a2ef9dfb630162d6417c5c47b5"))
                .body("users.find { it.name == 'admin' }.roles", hasItem("admin"));
    }

    @Test
    void aTokenForDemoIsDemoColonDemoAndSeesTheDemoFixturesAlsoWithTheProjectInTheUrl() {
        control(port).contentType("application/yaml").body(yaml("""
                volumes:
                  - id: 0d3c3a10-5f52-4c1e-9a57-00000000a001
                    project: demo
                    name: named-by-project
                    size: 1
                """)).post("/_emulator/fixtures").then().statusCode(201);

        String token = control(port).body("{\"user\": \"demo\"}").post("/_emulator/tokens").then().statusCode(201)
                .body("token.project_id", equalTo(demoId())).body("token.header", equalTo("X-Auth-Token"))
                .extract().path("token.id");

        assertThat(token).isEqualTo("demo:demo");
        given().port(port).filter(CONTRACT).header("X-Auth-Token", token).get("/v3/volumes").then().statusCode(200)
                .body("volumes.name", hasItem("named-by-project"));
        given().port(port).filter(CONTRACT).header("X-Auth-Token", "demo:" + demoId())
                .get("/v3/{project}/volumes", demoId()).then().statusCode(200)
                .body("volumes.name", hasItem("named-by-project"));
    }

    @Test
    void aTokenForAnUnknownUserIs404AndABadBody400() {
        control(port).body("{\"user\": \"nobody\"}").post("/_emulator/tokens").then().statusCode(404)
                .body("error.message", startsWith("No user nobody"));
        malformedControl(port).body("{\"name\": \"demo\"}").post("/_emulator/tokens").then().statusCode(400)
                .body("error.message", equalTo("name: unknown field (known: [user])"));
        malformedControl(port).body("[]").post("/_emulator/tokens").then().statusCode(400);
    }

    @Test
    void cloudsYamlInNoauthModeUsesCinderclientsNoauthPlugin() throws IOException {
        String text = control(port).queryParam("user", "demo").get("/_emulator/clouds.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();

        JsonNode cloud = YAMLMapper.builder().build().readTree(text).get("clouds").get("emulator");
        assertThat(cloud.get("auth_type").asString()).isEqualTo("noauth");
        assertThat(cloud.get("auth").get("project_id").asString()).isEqualTo(demoId());
        assertThat(cloud.get("auth").get("endpoint").asString()).isEqualTo("http://localhost:" + port + "/v3");
    }

    @Test
    void openrcGivesExportLinesAndAnUnknownUserIs404() {
        control(port).get("/_emulator/openrc").then().statusCode(200).contentType(startsWith("text/plain"))
                .body(containsString("export OS_AUTH_TYPE=noauth\n"))
                .body(containsString("export OS_PROJECT_ID=" + demoId() + "\n"))
                .body(containsString("export OS_VOLUME_API_VERSION=3.64\n"));
        control(port).queryParam("user", "ghost").get("/_emulator/openrc").then().statusCode(404);
    }

    @Test
    void aFixtureNamingAnUnknownProjectOrBothFormsIsRefused() {
        malformedControl(port).contentType("application/yaml").body(yaml("""
                volumes:
                  - project: demo
                    project_id: demo
                    size: 1
                """)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", containsString("volumes[0].project"));
        malformedControl(port).contentType("application/yaml").body(yaml("""
                volumes:
                  - project: ""
                    size: 1
                """)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", containsString("no project named"));
    }

    @Test
    void theDashboardIsServedWithItsScriptAndStyle() {
        control(port).get("/_emulator/ui").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script src=\"/_emulator/ui/dashboard.js\">"));
        given().port(port).get("/_emulator/ui/dashboard.js").then().statusCode(200)
                .contentType(startsWith("text/javascript")).body(containsString("/_emulator/transitions"));
        given().port(port).get("/_emulator/ui/dashboard.css").then().statusCode(200)
                .contentType(startsWith("text/css"));
    }

    @Test
    void swaggerUiTheContractsAndTheFaviconAreServedAndStayOutOfTheJournal() {
        control(port).delete("/_emulator/requests").then().statusCode(204);

        given().port(port).get("/openapi/cinder-backups.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().port(port).get("/openapi/emulator-control.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().port(port).get("/openapi/swagger-ui.html").then().statusCode(200)
                .body(containsString("/_emulator/tokens"));
        given().port(port).get("/favicon.ico").then().statusCode(200);

        control(port).get("/_emulator/requests/count").then().body("count", equalTo(0));
    }

    private static byte[] yaml(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
