package dev.cinderemulator.journal;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

class JournalAcceptanceTests extends AcceptanceTestSupport {

    @BeforeEach
    void clearJournal() {
        control(port).delete("/_emulator/requests").then().statusCode(204);
    }

    @AfterEach
    void restoreBound() {
        control(port).body("{\"size\": 1000}").put("/_emulator/requests/settings").then().statusCode(200);
    }

    @Test
    void recordsWhatTheClientSentNewestFirstWithTokensMasked() {
        String volume = createVolume(1);
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(200);
        cinder().get("/v3/volumes/{id}", "no-such-volume").then().statusCode(404);

        control(port).queryParam("path", "/v3/volumes").get("/_emulator/requests").then().statusCode(200)
                .body("requests", hasSize(3))
                .body("requests[0].status", equalTo(404))
                .body("requests[0].path", equalTo("/v3/volumes/no-such-volume"))
                .body("requests[1].status", equalTo(200))
                .body("requests[2].method", equalTo("POST"))
                .body("requests[2].body", containsString("\"size\": 1"))
                .body("requests[2].headers.X-Auth-Token", equalTo("***"));
        control(port).queryParam("status", "4xx").get("/_emulator/requests/count").then().body("count", equalTo(1));
        control(port).queryParam("method", "post").get("/_emulator/requests/count").then().body("count",
                equalTo(1));
        control(port).get("/_emulator/requests").then().body("requests.path",
                everyItem(not(startsWith("/_emulator"))));
    }

    @Test
    void masksPasswordsInKeystoneBodies() {
        given().port(port).contentType("application/json").body("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"id": "default"}, "password": "s3cret"}}}}}""").post("/keystone/v3/auth/tokens");

        control(port).queryParam("path", "/keystone/v3/auth/tokens").get("/_emulator/requests").then()
                .body("requests[0].body", not(containsString("s3cret")))
                .body("requests[0].body", containsString("\"password\":\"***\""))
                .body("requests[0].body", containsString("\"name\":\"demo\""));
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        control(port).body("{\"size\": 3}").put("/_emulator/requests/settings").then().statusCode(200)
                .body("size", equalTo(3));
        for (int i = 0; i < 10; i++) {
            cinder().queryParam("limit", i + 1).get("/v3/backups").then().statusCode(200);
        }

        control(port).get("/_emulator/requests/settings").then().body("held", equalTo(3));
        control(port).get("/_emulator/requests").then().body("requests", hasSize(3))
                .body("requests[0].query", equalTo("limit=10"))
                .body("requests[2].query", equalTo("limit=8"));

        control(port).body("{\"size\": 0}").put("/_emulator/requests/settings").then().body("held", equalTo(0));
        cinder().get("/v3/backups").then().statusCode(200);
        control(port).get("/_emulator/requests/count").then().body("count", equalTo(0));
    }

    @Test
    void badFiltersAndSettingsAreRefused() {
        malformedControl(port).queryParam("status", "teapot").get("/_emulator/requests").then().statusCode(400)
                .body("error.message", startsWith("status: must be an HTTP status"));
        malformedControl(port).body("{\"size\": -1}").put("/_emulator/requests/settings").then().statusCode(400)
                .body("error.message", startsWith("size: must be between 0 and 100000"));
        malformedControl(port).body("{\"size\": \"big\"}").put("/_emulator/requests/settings").then()
                .statusCode(400);
        malformedControl(port).queryParam("limit", 0).get("/_emulator/requests").then().statusCode(400);
    }
}
