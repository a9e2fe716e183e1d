package dev.cinderemulator.control;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;
import io.restassured.path.json.JsonPath;

class ControlAcceptanceTests extends AcceptanceTestSupport {

    private static final String VOLUME = "11111111-1111-4111-8111-111111111111";
    private static final String FULL = "22222222-2222-4222-8222-222222222222";
    private static final String INCREMENTAL = "33333333-3333-4333-8333-333333333333";
    private static final String SNAPSHOT = "44444444-4444-4444-8444-444444444444";

    @AfterEach
    void resetEverything() {
        control(port).post("/_emulator/reset").then().statusCode(200);
    }

    @Test
    void resetLeavesNothingBehind() {
        String volume = createVolume(1);
        createBackup(volume, "");
        control(port).body("{\"backup-create\": \"manual\"}").put("/_emulator/timing").then().statusCode(200);
        control(port).body("{\"operation\": \"backup.list\", \"action\": \"http\", \"status\": 503}")
                .post("/_emulator/faults").then().statusCode(201);

        control(port).post("/_emulator/reset").then().statusCode(200)
                .body("scope", equalTo("all"))
                .body("deleted.volumes", equalTo(1))
                .body("deleted.backups", equalTo(1))
                .body("deleted.transitions", equalTo(1));

        control(port).get("/_emulator/fixtures").then().statusCode(200)
                .body("volumes", empty()).body("snapshots", empty()).body("backups", empty());
        control(port).get("/_emulator/transitions").then().body("transitions", empty());
        control(port).get("/_emulator/faults").then().body("faults", empty());
        control(port).get("/_emulator/timing").then().body("backup-create", equalTo("PT2S"));
        control(port).get("/_emulator/clock").then().body("frozen", equalTo(false)).body("offset", equalTo("PT0S"));
        cinder().get("/v3/backups").then().statusCode(200).body("backups", empty());
    }

    @Test
    void resetOfOneProjectKeepsTheOthers() {
        String mine = createVolume(1);
        String other = Ids.project();
        String theirs = as("admin", other).body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then()
                .statusCode(202).extract().path("volume.id");
        createBackup(mine, "");

        control(port).queryParam("project", project).post("/_emulator/reset").then().statusCode(200)
                .body("scope", equalTo("project")).body("project", equalTo(project))
                .body("deleted.volumes", equalTo(1)).body("deleted.backups", equalTo(1));

        cinder().get("/v3/volumes/{id}", mine).then().statusCode(404);
        as("admin", other).get("/v3/volumes/{id}", theirs).then().statusCode(200);
        control(port).queryParam("resource", theirs).get("/_emulator/transitions").then()
                .body("transitions", hasSize(1));
    }

    @Test
    void advancingTheClockFinishesABackupWithoutWaiting() {
        String backup = createBackup(createVolume(1), "");
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("creating"));

        control(port).post("/_emulator/clock/freeze").then().statusCode(200).body("frozen", equalTo(true));
        String before = control(port).get("/_emulator/clock").then().extract().path("now");
        String after = control(port).body("{\"by\": \"PT1H\"}").post("/_emulator/clock/advance").then()
                .statusCode(200).body("frozen", equalTo(true)).body("completed", equalTo(1)).extract().path("now");

        assertThat(Duration.between(Instant.parse(before), Instant.parse(after))).isEqualTo(Duration.ofHours(1));
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
        control(port).queryParam("by", "90s").post("/_emulator/clock/advance").then().statusCode(200)
                .body("completed", equalTo(0));
        control(port).post("/_emulator/clock/unfreeze").then().body("frozen", equalTo(false));
        control(port).post("/_emulator/clock/reset").then().body("offset", equalTo("PT0S"));
    }

    @Test
    void manualTimingHoldsABackupInCreatingUntilCompleted() {
        control(port).body("{\"backup-create\": \"manual\", \"volume-create\": 0, \"backup-delete\": \"500ms\"}")
                .put("/_emulator/timing").then().statusCode(200)
                .body("backup-create", equalTo("manual"))
                .body("volume-create", equalTo("PT0S"))
                .body("backup-delete", equalTo("PT0.5S"))
                .body("backup-restore", equalTo("PT2S"));
        String backup = createBackup(createVolume(1), "");

        clock.advance(Duration.ofDays(1));
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("creating"));
        List<Map<String, Object>> pending = control(port).queryParam("resource", backup)
                .get("/_emulator/transitions").then().statusCode(200)
                .body("transitions[0].operation", equalTo("backup-create"))
                .body("transitions[0].manual", equalTo(true))
                .body("transitions[0].due_at", nullValue())
                .extract().path("transitions");

        control(port).post("/_emulator/transitions/{id}/complete", pending.get(0).get("id")).then().statusCode(200)
                .body("completed", equalTo(1));

        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
        control(port).post("/_emulator/transitions/{id}/complete", pending.get(0).get("id")).then().statusCode(404);
        control(port).queryParam("resource", backup).post("/_emulator/transitions/complete").then()
                .statusCode(404);
    }

    @Test
    void completingByResourceFinishesItsWork() {
        control(port).body("{\"backup-create\": \"manual\"}").put("/_emulator/timing").then().statusCode(200);
        String backup = createBackup(createVolume(1), "");

        control(port).queryParam("resource", backup).post("/_emulator/transitions/complete").then().statusCode(200)
                .body("completed", equalTo(1));

        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
    }

    @Test
    void fixturesLoadInAnyStatusAndRoundTripThroughExport() {
        String document = """
                {"volumes": [{"id": "%1$s", "project_id": "%2$s", "name": "db", "size": 4, "status": "in-use",
                              "bootable": true, "metadata": {"tier": "gold"}, "created_at": "2024-05-01T10:00:00Z"}],
                 "snapshots": [{"id": "%5$s", "volume_id": "%1$s", "name": "snap"}],
                 "backups": [{"id": "%4$s", "volume_id": "%1$s", "parent_id": "%3$s", "name": "inc",
                              "created_at": "2024-05-02T10:00:00"},
                             {"id": "%3$s", "volume_id": "%1$s", "name": "full", "created_at": "2024-05-01T11:00:00",
                              "metadata": {"k": "v"}}]}
                """.formatted(VOLUME, project, FULL, INCREMENTAL, SNAPSHOT);

        control(port).body(document).post("/_emulator/fixtures").then().statusCode(201)
                .body("loaded.volumes", equalTo(1)).body("loaded.snapshots", equalTo(1))
                .body("loaded.backups", equalTo(2));

        cinder().get("/v3/volumes/{id}", VOLUME).then().statusCode(200).body("volume.status", equalTo("in-use"))
                .body("volume.created_at", equalTo("2024-05-01T10:00:00.000000"));
        at("3.47").get("/v3/backups/{id}", FULL).then().statusCode(200)
                .body("backup.status", equalTo("available"))
                .body("backup.size", equalTo(4))
                .body("backup.has_dependent_backups", equalTo(true));
        at("3.47").get("/v3/backups/{id}", INCREMENTAL).then().body("backup.is_incremental", equalTo(true));

        String exported = control(port).queryParam("project", project).get("/_emulator/fixtures").then()
                .statusCode(200).extract().asString();
        control(port).post("/_emulator/reset").then().statusCode(200);
        control(port).body(exported).post("/_emulator/fixtures").then().statusCode(201);
        String again = control(port).get("/_emulator/fixtures").then().extract().asString();

        assertThat(JsonPath.from(again).getMap("")).isEqualTo(JsonPath.from(exported).getMap(""));
    }

    @Test
    void fixturesLoadFromYamlAndExportAsYaml() {
        String yaml = """
                volumes:
                  - id: %s
                    project_id: "%s"
                    size: 2
                backups:
                  - volume_id: %s
                    status: error
                    fail_reason: disk on fire
                """.formatted(VOLUME, project, VOLUME);

        control(port).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/_emulator/fixtures").then()
                .statusCode(201).body("loaded.backups", equalTo(1));

        cinder().get("/v3/backups/detail").then().body("backups[0].status", equalTo("error"))
                .body("backups[0].fail_reason", equalTo("disk on fire"));
        control(port).queryParam("format", "yaml").get("/_emulator/fixtures").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("fail_reason: \"disk on fire\""));
    }

    @Test
    void backupsLoadedInCreatingFinishWhenTheirTimeComes() {
        control(port).body("""
                {"volumes": [{"id": "%s", "project_id": "%s", "size": 1, "status": "backing-up",
                              "previous_status": "available"}],
                 "backups": [{"id": "%s", "volume_id": "%s", "status": "creating"}]}
                """.formatted(VOLUME, project, FULL, VOLUME)).post("/_emulator/fixtures").then().statusCode(201);
        cinder().get("/v3/backups/{id}", FULL).then().body("backup.status", equalTo("creating"));

        control(port).body("{\"by\": \"PT5S\"}").post("/_emulator/clock/advance").then().body("completed",
                equalTo(1));

        cinder().get("/v3/backups/{id}", FULL).then().body("backup.status", equalTo("available"));
        cinder().get("/v3/volumes/{id}", VOLUME).then().body("volume.status", equalTo("available"));
    }

    @Test
    void aBadFixtureDocumentIsRefusedWholeAndSaysWhere() {
        malformedControl(port).body("""
                {"volumes": [{"id": "%s", "project_id": "%s", "size": 1}],
                 "backups": [{"volume_id": "%s"}, {"volume_id": "%s", "status": "frozen"}]}
                """.formatted(VOLUME, project, VOLUME, VOLUME)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.message", startsWith("backups[1].status: 'frozen' is not one of"));
        cinder().get("/v3/volumes/{id}", VOLUME).then().statusCode(404);

        malformedControl(port).body("{\"volumes\": [{\"project_id\": \"p\", \"size\": \"big\"}]}")
                .post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", startsWith("volumes[0].size: must be a whole number"));
        malformedControl(port).body("{\"backups\": [{\"volume_id\": \"" + VOLUME + "\", \"parent_id\": \"" + FULL
                + "\", \"project_id\": \"p\", \"size\": 1}]}").post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", equalTo("backups[0].parent_id: no backup " + FULL
                        + " in this document or in the emulator"));
        malformedControl(port).body("{\"users\": []}").post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", containsString("identities come from configuration"));
        malformedControl(port).body("{\"volumes\": [{\"project_id\": \"p\", \"size\": 1, \"colour\": \"red\"}]}")
                .post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", startsWith("volumes[0].colour: unknown field"));
        malformedControl(port).body("{not json").post("/_emulator/fixtures").then().statusCode(400)
                .body("error.message", startsWith("The fixture document is not valid JSON"));
        malformedControl(port).contentType("text/plain").body("x").post("/_emulator/fixtures").then()
                .statusCode(415);

        control(port).body("{\"volumes\": [{\"id\": \"" + VOLUME + "\", \"project_id\": \"p\", \"size\": 1}]}")
                .post("/_emulator/fixtures").then().statusCode(201);
        control(port).body("{\"volumes\": [{\"id\": \"" + VOLUME + "\", \"project_id\": \"p\", \"size\": 1}]}")
                .post("/_emulator/fixtures").then().statusCode(409)
                .body("error.message", containsString("already exists"));
    }

    @Test
    void badTimingsAndDurationsAreRefusedAndChangeNothing() {
        malformedControl(port).body("{\"backup-create\": \"manual\", \"backup-delete\": \"soon\"}")
                .put("/_emulator/timing").then().statusCode(400)
                .body("error.message", startsWith("backup-delete: 'soon' is not a duration"));
        control(port).get("/_emulator/timing").then().body("backup-create", equalTo("PT2S"));
        malformedControl(port).body("{\"backup-teleport\": \"1s\"}").put("/_emulator/timing").then()
                .statusCode(400).body("error.message", startsWith("backup-teleport: not an operation"));
        malformedControl(port).body("{\"backup-create\": \"-1s\"}").put("/_emulator/timing").then()
                .statusCode(400);
        malformedControl(port).body("{\"by\": \"-PT1H\"}").post("/_emulator/clock/advance").then()
                .statusCode(400).body("error.message", startsWith("by: must move time forward"));
        malformedControl(port).post("/_emulator/clock/advance").then().statusCode(400);
        malformedControl(port).get("/_emulator/nothing-here").then().statusCode(404)
                .body("error.message", equalTo("No control route GET /_emulator/nothing-here"));
    }

    @Test
    void prometheusCountsRequestsByRouteAndBackupsByStatus() {
        String backup = createBackup(createVolume(1), "");
        cinder().get("/v3/backups/{id}", backup).then().statusCode(200);

        String metrics = given().port(port).get("/actuator/prometheus").then()
                .statusCode(200).extract().asString();

        assertThat(metrics).contains("uri=\"/v3/backups/{id}\"").contains("emulator_backups{status=\"creating\"}");
    }
}
