package dev.cinderemulator.image;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Glance's version document, which the {@code openstack} CLI fetches (unauthenticated) from the
 * catalog's {@code image} endpoint before {@code volume create}. Same context as the Keystone suites.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImageDiscoveryAcceptanceTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/image", "/image/" })
    void rootListsTheV2VersionsAsMultipleChoices(String path) {
        given().port(port).when().get(path)
                .then().statusCode(300)
                .header("Content-Type", startsWith("application/json"))
                .body("versions", hasSize(11))
                .body("versions.find { it.status == 'CURRENT' }.id", equalTo("v2.17"))
                .body("versions.id", hasItem("v2.0"))
                .body("versions.links.flatten().href", everyItem(equalTo("http://localhost:" + port + "/image/v2/")));
    }

    @Test
    void versionsPathIsTheSameListWithOk() {
        given().port(port).when().get("/image/versions")
                .then().statusCode(200)
                .body("versions", hasSize(11));
    }

    @Test
    void thereAreNoImages() {
        given().port(port).when().get("/image/v2/images")
                .then().statusCode(404);
    }
}
