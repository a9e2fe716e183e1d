package dev.cinderemulator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The contracts the tests validate against, served as they are under {@code /openapi/}, with a
 * Swagger UI over them from the swagger-ui webjar (no generated document: it disagreed with them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentsAcceptanceTests {

    @LocalServerPort
    int port;

    @Test
    void swaggerUiShowsBothContractsFromFilesItServesItself() {
        String page = given().port(port).when().get("/openapi/swagger-ui.html")
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/html"))
                .body(containsString("cinder-backups.yaml"), containsString("emulator-control.yaml"))
                .extract().asString();

        Matcher bundle = Pattern.compile("src=\"\\.\\./(webjars/swagger-ui/[0-9.]+/swagger-ui-bundle\\.js)\"")
                .matcher(page);
        assertThat(bundle.find()).as("the page loads Swagger UI from the webjar: %s", page).isTrue();
        given().port(port).when().get("/" + bundle.group(1))
                .then().statusCode(200)
                .body(containsString("SwaggerUIBundle"));
    }

    @Test
    void theContractsAreServedAsWritten() {
        given().port(port).when().get("/openapi/cinder-backups.yaml")
                .then().statusCode(200).body(startsWith("openapi:"));
        given().port(port).when().get("/openapi/emulator-control.yaml")
                .then().statusCode(200).body(startsWith("openapi:"));
    }

    @Test
    void thereIsNoGeneratedDocument() {
        given().port(port).when().get("/openapi/generated").then().statusCode(404);
    }
}
