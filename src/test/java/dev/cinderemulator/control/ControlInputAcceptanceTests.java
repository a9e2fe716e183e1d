package dev.cinderemulator.control;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * Input the control API must refuse with a 4xx that says why, never a 500, and without changing
 * anything: values past their range, durations no date can hold, bytes that are not UTF-8.
 */
class ControlInputAcceptanceTests extends AcceptanceTestSupport {

    @AfterEach
    void resetEverything() {
        control(port).post("/_emulator/reset").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT9223372036854775807S", "1000000000d", "P3000000D" })
    void theClockCannotBeMovedPastFourDigitYears(String by) {
        String frozenAt = control(port).get("/_emulator/clock").then().extract().path("now");

        malformedControl(port).queryParam("by", by).post("/_emulator/clock/advance")
                .then().statusCode(400)
                .body("error.message", startsWith("by: would move the clock past 9998-12-31T00:00:00Z"));
        control(port).get("/_emulator/clock").then().body("now", equalTo(frozenAt));
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999999999999", "\"PT9223372036854775807S\"", "\"367d\"", "1" })
    void timingsAreBounded(String value) {
        malformedControl(port).body("{\"backup-create\": " + value + "}").put("/_emulator/timing")
                .then().statusCode(400).body("error.message", startsWith("backup-create: "));
        control(port).get("/_emulator/timing").then().body("backup-create", equalTo("PT2S"));
    }

    @Test
    void theLongestTimingStillLetsBackupsBeCreated() {
        control(port).body("{\"backup-create\": \"366d\"}").put("/_emulator/timing").then().statusCode(200);
        String volume = createVolume(1);

        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups")
                .then().statusCode(202);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2147483648", "-1", "99999999999999999999" })
    void theJournalBoundIsChecked(String size) {
        malformedControl(port).body("{\"size\": " + size + "}").put("/_emulator/requests/settings")
                .then().statusCode(400).body("error.message", startsWith("size: "));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/_emulator/fixtures?project=%FF", "/_emulator/requests?path=%FF",
            "/_emulator/requests/count?method=%FF%FE", "/_emulator/transitions?resource=%C3%28" })
    void bytesThatAreNotUtf8AreReadAsReplacementCharacters(String path) {
        given().port(port).urlEncodingEnabled(false).get(path).then().statusCode(200);
    }

    @Test
    void aStatusFilterThatIsNotUtf8IsAnInvalidStatus() {
        given().port(port).urlEncodingEnabled(false).get("/_emulator/requests?status=%FF")
                .then().statusCode(400).body("error.message", startsWith("status: must be an HTTP status"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31T23:59:59", "-0001-01-01T00:00:00", "+10000-01-01T00:00:00Z" })
    void fixtureDatesOutsideFourDigitYearsAreRefused(String createdAt) {
        malformedControl(port).body("""
                {"volumes": [{"id": "11111111-1111-4111-8111-111111111111", "project_id": "%s", "size": 1,
                  "created_at": "%s"}]}""".formatted(project, createdAt)).post("/_emulator/fixtures")
                .then().statusCode(400).body("error.message", startsWith("volumes[0].created_at: "));
        control(port).queryParam("project", project).get("/_emulator/fixtures").then().body("volumes.size()",
                equalTo(0));
    }

    @Test
    void aContentTypeThatIsNotAMediaTypeIs415() {
        given().port(port).contentType(";;;").body("{}".getBytes(StandardCharsets.UTF_8)).post("/_emulator/fixtures")
                .then().statusCode(415).body("error.message", startsWith("Content-Type ';;;"));
    }
}
