package dev.cinderemulator.fault;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

class FaultAcceptanceTests extends AcceptanceTestSupport {

    @AfterEach
    void clearRules() {
        control(port).delete("/_emulator/faults").then().statusCode(204);
    }

    @Test
    void anHttpRuleAnswersWithACinderFaultExactlyTimesThenStops() {
        String volume = createVolume(1);
        String rule = control(port).body("""
                {"operation": "backup.create", "project": "%s", "times": 2, "action": "http", "status": 413,
                 "retry_after": "30"}""".formatted(project)).post("/_emulator/faults").then().statusCode(201)
                .body("id", startsWith("fault-")).body("remaining", equalTo(2)).extract().path("id");

        for (int i = 0; i < 2; i++) {
            cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then()
                    .statusCode(413)
                    .header("Retry-After", "30")
                    .body("overLimit.code", equalTo(413))
                    .body("overLimit.message", equalTo("BackupLimitExceeded: Maximum number of backups allowed (10) "
                            + "exceeded"))
                    .body("overLimit.retryAfter", equalTo("30"));
        }
        control(port).get("/_emulator/faults/{id}", rule).then().body("remaining", equalTo(0))
                .body("fired", equalTo(2));

        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then()
                .statusCode(202);
        control(port).get("/_emulator/faults/{id}", rule).then().body("fired", equalTo(2));
    }

    @Test
    void anHttpRuleMatchesWhateverUrlLayoutTheClientUses() {
        control(port).body("{\"operation\": \"backup.list\", \"times\": 1, \"action\": \"http\", \"status\": 503}")
                .post("/_emulator/faults").then().statusCode(201);

        given().port(port).header("X-Auth-Token", "admin:" + project).get("/cinder/v3/{p}/backups/detail", project)
                .then().statusCode(503)
                .body("serviceUnavailable.message",
                        equalTo("The server is currently unavailable. Please try again at a later time."));
        cinder().get("/v3/backups/detail").then().statusCode(200);
    }

    @Test
    void aRuleForAnotherProjectOrActionDoesNotFire() {
        String volume = createVolume(1);
        control(port).body("{\"operation\": \"volume.reset_status\", \"project\": \"someone-else\", "
                + "\"action\": \"http\", \"status\": 500}").post("/_emulator/faults").then().statusCode(201);
        control(port).body("{\"operation\": \"volume.delete\", \"action\": \"http\", \"status\": 500, "
                + "\"message\": \"boom\"}").post("/_emulator/faults").then().statusCode(201);

        cinder().body("{\"os-reset_status\": {\"status\": \"error\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(202);
        given().port(port).header("X-Auth-Token", "admin:" + project).delete("/v3/volumes/{id}", volume).then()
                .statusCode(500).body("computeFault.message", equalTo("boom"));
    }

    @Test
    void rulesCanNarrowToAVolumeOrABackupName() {
        String target = createVolume(1);
        String other = createVolume(1);
        control(port).body("{\"operation\": \"backup.create\", \"volume_id\": \"" + target + "\", \"probability\": 1,"
                + " \"action\": \"http\", \"status\": 503}").post("/_emulator/faults").then().statusCode(201);
        control(port).body("{\"operation\": \"backup.delete\", \"backup_name_pattern\": \"keep-.*\", "
                + "\"action\": \"http\", \"status\": 409, \"message\": \"kept\"}").post("/_emulator/faults").then()
                .statusCode(201);

        given().port(port).header("X-Auth-Token", "admin:" + project).contentType("application/json")
                .body("{\"backup\": {\"volume_id\": \"" + target + "\"}}").post("/v3/backups").then().statusCode(503);
        String kept = createBackup(other, ", \"name\": \"keep-me\"");
        settle();
        String dropped = createBackup(other, ", \"name\": \"drop-me\"");
        settle();

        given().port(port).header("X-Auth-Token", "admin:" + project).delete("/v3/backups/{id}", kept).then()
                .statusCode(409).body("conflictingRequest.message", equalTo("kept"));
        cinder().delete("/v3/backups/{id}", dropped).then().statusCode(202);
    }

    @Test
    void aLatencyRuleDelaysTheRequestOnce() {
        String backup = createBackup(createVolume(1), "");
        String rule = control(port).body("{\"operation\": \"backup.show\", \"times\": 1, \"action\": \"latency\", "
                + "\"delay\": \"200ms\"}").post("/_emulator/faults").then().statusCode(201)
                .body("delay", equalTo("PT0.2S")).extract().path("id");

        long started = System.nanoTime();
        cinder().get("/v3/backups/{id}", backup).then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);

        cinder().get("/v3/backups/{id}", backup).then().statusCode(200);
        control(port).get("/_emulator/faults/{id}", rule).then().body("fired", equalTo(1))
                .body("remaining", equalTo(0));
    }

    @Test
    void anOutcomeRuleFailsTheBackupOfMatchingNameTheWayCinderDoes() {
        String volume = createVolume(1);
        control(port).body("{\"operation\": \"backup.create\", \"backup_name_pattern\": \"doomed-.*\", \"times\": 2,"
                + " \"action\": \"outcome\"}").post("/_emulator/faults").then().statusCode(201);

        String spared = createBackup(volume, ", \"name\": \"nightly\"");
        settle();
        String first = createBackup(volume, ", \"name\": \"doomed-1\"");
        settle();
        cinder().get("/v3/backups/{id}", spared).then().body("backup.status", equalTo("available"));
        cinder().get("/v3/backups/{id}", first).then().body("backup.status", equalTo("error"))
                .body("backup.fail_reason", equalTo("Create backup aborted due to backup service is down."));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));

        String second = createBackup(volume, ", \"name\": \"doomed-2\"");
        settle();
        String third = createBackup(volume, ", \"name\": \"doomed-3\"");
        settle();
        cinder().get("/v3/backups/{id}", second).then().body("backup.status", equalTo("error"));
        cinder().get("/v3/backups/{id}", third).then().body("backup.status", equalTo("available"));
    }

    @Test
    void outcomeRulesForDeleteAndRestoreLeaveCindersFailureStatuses() {
        String volume = createVolume(1);
        String backup = createBackup(volume, "");
        settle();
        control(port).body("{\"operation\": \"backup.restore\", \"times\": 1, \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(201);
        control(port).body("{\"operation\": \"backup.delete\", \"times\": 1, \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(201);

        cinder().body("{\"restore\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups/{id}/restore", backup)
                .then().statusCode(202);
        settle();
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("error_restoring"));

        cinder().delete("/v3/backups/{id}", backup).then().statusCode(202);
        settle();
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("error_deleting"))
                .body("backup.fail_reason", equalTo("Delete backup is aborted due to backup service is down."));
        cinder().body("{\"os-force_delete\": {}}").post("/v3/backups/{id}/action", backup).then().statusCode(202);
        settle();
        cinder().get("/v3/backups/{id}", backup).then().statusCode(404);
    }

    @Test
    void outcomeRulesForVolumesAndSnapshotsLeaveThemInError() {
        control(port).body("{\"operation\": \"snapshot.create\", \"times\": 1, \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(201);
        String volume = createVolume(1);
        control(port).body("{\"operation\": \"volume.create\", \"times\": 1, \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(201);
        String failed = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202)
                .extract().path("volume.id");
        String snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/snapshots")
                .then().statusCode(202).extract().path("snapshot.id");
        settle();

        cinder().get("/v3/volumes/{id}", failed).then().body("volume.status", equalTo("error"));
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("error"));
    }

    @Test
    void malformedRulesAreRefusedWithTheFieldAtFault() {
        malformedControl(port).body("{\"operation\": \"backup.teleport\", \"action\": \"http\", \"status\": 500}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("operation: 'backup.teleport' is not one of"));
        malformedControl(port).body("{\"operation\": \"backup.list\", \"action\": \"http\"}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("status: an HTTP error status (400-599) is required"));
        malformedControl(port).body("{\"operation\": \"backup.list\", \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("action: outcome rules apply to the asynchronous work of"));
        malformedControl(port).body("{\"operation\": \"backup.show\", \"action\": \"latency\", \"delay\": \"soon\"}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("delay: 'soon' is not a duration"));
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"outcome\", \"times\": 0}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("times: must be a whole number of at least 1"));
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"outcome\", "
                + "\"backup_name_pattern\": \"(\"}").post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("backup_name_pattern: not a valid regular expression"));
        malformedControl(port).body("{\"operation\": \"backup.create\", \"action\": \"outcome\", \"status\": 500}")
                .post("/_emulator/faults").then().statusCode(400)
                .body("error.message", startsWith("status: not a field of a rule with action outcome"));
        control(port).get("/_emulator/faults").then().body("faults", hasSize(0));
        control(port).delete("/_emulator/faults/{id}", "fault-999").then().statusCode(404);
    }
}
