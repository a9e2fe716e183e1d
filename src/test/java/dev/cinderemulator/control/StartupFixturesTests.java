package dev.cinderemulator.control;

import static dev.cinderemulator.support.ControlApi.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The one context of its own: fixtures from a folder at start-up, a seed for ids and a small
 * journal bound, all from configuration. Its in-memory database is its own too (contexts in one
 * JVM would otherwise share {@code jdbc:h2:mem:cinder}), since fixtures load into an empty cloud
 * only and its resets must not touch the shared context. The start-up check runs first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:startup-fixtures;DB_CLOSE_DELAY=-1", "emulator.auth.mode=noauth", "emulator.fixtures=src/test/resources/fixtures", "emulator.id-seed=42",
        "emulator.journal.size=2",
        // Long enough that the in-flight backup is still creating when first looked at on a busy machine.
        "emulator.timing.backup-create=30s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupFixturesTests {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;

    private RequestSpecification cinder() {
        return given().port(port).header("X-Auth-Token", "admin:" + PROJECT).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void fixturesFromTheFolderAreThereAtStartUpAndInFlightWorkFinishes() {
        cinder().get("/v3/volumes/{id}", "aaaaaaaa-0000-4000-8000-000000000001").then().statusCode(200)
                .body("volume.name", equalTo("demo-db")).body("volume.status", equalTo("in-use"));
        cinder().header("OpenStack-API-Version", "volume 3.47")
                .get("/v3/backups/{id}", "bbbbbbbb-0000-4000-8000-000000000001").then()
                .body("backup.status", equalTo("available")).body("backup.has_dependent_backups", equalTo(true));
        cinder().get("/v3/backups/{id}", "bbbbbbbb-0000-4000-8000-000000000003").then()
                .body("backup.status", equalTo("creating"));

        control(port).body("{\"by\": \"PT1M\"}").post("/_emulator/clock/advance").then().statusCode(200);

        cinder().get("/v3/backups/{id}", "bbbbbbbb-0000-4000-8000-000000000003").then()
                .body("backup.status", equalTo("available"));
    }

    @Test
    @Order(2)
    void seededIdsRepeatAfterEachReset() {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            control(port).post("/_emulator/reset").then().statusCode(200);
            String volume = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202)
                    .extract().path("volume.id");
            String snapshot = cinder().body("{\"volume\": {\"size\": 2}}").post("/v3/volumes").then()
                    .statusCode(202).extract().path("volume.id");
            runs.add(volume + " " + snapshot);
        }

        assertThat(runs.get(0)).isEqualTo(runs.get(1)).matches("[0-9a-f-]{36} [0-9a-f-]{36}");
    }

    @Test
    @Order(3)
    void theJournalKeepsTheConfiguredBound() {
        for (int i = 0; i < 5; i++) {
            cinder().get("/v3/backups").then().statusCode(200);
        }

        control(port).get("/_emulator/requests/settings").then().body("size", equalTo(2)).body("held", equalTo(2));
    }
}
