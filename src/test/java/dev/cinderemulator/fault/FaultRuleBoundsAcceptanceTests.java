package dev.cinderemulator.fault;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cinderemulator.support.AcceptanceTestSupport;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/** A fault rule cannot hold a worker thread, nor smuggle anything into a response header. */
class FaultRuleBoundsAcceptanceTests extends AcceptanceTestSupport {

    /** Long enough for any request on a loaded machine, far shorter than a catastrophic backtrack. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000));

    @AfterEach
    void clearRules() {
        control(port).delete("/_emulator/faults").then().statusCode(204);
    }

    @Test
    void aCatastrophicallyBacktrackingPatternCountsAsNoMatchInsteadOfHoldingTheRequest() {
        String volume = createVolume(1);
        control(port).body("""
                {"operation": "backup.create", "action": "http", "status": 503,
                 "backup_name_pattern": "(.*a){12}$"}""").post("/_emulator/faults").then().statusCode(201);

        cinder().config(PATIENT)
                .body("{\"backup\": {\"volume_id\": \"" + volume + "\", \"name\": \"" + "a".repeat(40) + "b\"}}")
                .post("/v3/backups").then().statusCode(202);
    }

    @Test
    void aPatternIsBoundedInLength() {
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"http\", \"status\": 503, "
                + "\"backup_name_pattern\": \"" + "a".repeat(1001) + "\"}").post("/_emulator/faults")
                .then().statusCode(400)
                .body("error.message", equalTo("backup_name_pattern: at most 1000 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"0\\r\\nSet-Cookie: evil=1\"", "\"Wed, 21 Oct 2026 07:28:00 GMT\"", "-1", "1.5",
            "\"\"", "99999999999999999999" })
    void retryAfterIsWholeSecondsOnly(String retryAfter) {
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"http\", \"status\": 413, "
                + "\"retry_after\": " + retryAfter + "}").post("/_emulator/faults")
                .then().statusCode(400)
                .body("error.message", startsWith("retry_after: a whole number of seconds (0 or more), got "));
        control(port).get("/_emulator/faults").then().body("faults.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"status\": 4294967796", "\"status\": 500, \"times\": 99999999999999999999",
            "\"status\": 500, \"times\": 2147483648" })
    void numbersPastTheirRangeAreRefused(String fields) {
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"http\", " + fields + "}")
                .post("/_emulator/faults")
                .then().statusCode(400).body("error.code", equalTo(400));
    }
}
