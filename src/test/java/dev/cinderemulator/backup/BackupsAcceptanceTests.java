package dev.cinderemulator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

class BackupsAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void backupGoesFromCreatingToAvailableAndHoldsItsVolumeMeanwhile() {
        String volume = createVolume(2);
        String backup = createBackup(volume, ", \"name\": \" nightly \", \"description\": \"first\"");

        cinder().get("/v3/backups/{id}", backup).then().statusCode(200)
                .body("backup.status", equalTo("creating"))
                .body("backup.name", equalTo("nightly"))
                .body("backup.created_at", org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("backing-up"));

        settle();

        cinder().get("/v3/backups/{id}", backup).then().statusCode(200)
                .body("backup.status", equalTo("available"))
                .body("backup.size", equalTo(2))
                .body("backup.volume_id", equalTo(volume))
                .body("backup.is_incremental", equalTo(false))
                .body("backup.has_dependent_backups", equalTo(false))
                .body("backup.container", equalTo("volumebackups"))
                .body("backup.availability_zone", nullValue())
                .body("backup", not(hasKey("metadata")))
                .body("backup", not(hasKey("os-backup-project-attr:project_id")));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
    }

    @Test
    void aVolumeBeingBackedUpCannotBeBackedUpAgain() {
        String volume = createVolume(1);
        createBackup(volume, "");

        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid volume: Volume to be backed up must be "
                        + "available or in-use, but the current status is \"backing-up\"."));
    }

    @Test
    void restoreIntoANewVolumeBringsBackTheSourceNameAndMetadata() {
        String volume = cinder().body("{\"volume\": {\"size\": 1, \"name\": \"source\", \"metadata\": {\"k\": \"v\"},"
                + " \"imageRef\": \"cirros\"}}").post("/v3/volumes").then().statusCode(202).extract()
                .path("volume.id");
        settle();
        String backup = createBackup(volume, "");
        settle();

        String target = cinder().body("{\"restore\": {}}").post("/v3/backups/{id}/restore", backup).then()
                .statusCode(202)
                .body("restore.backup_id", equalTo(backup))
                .body("restore.volume_name", equalTo("restore_backup_" + backup))
                .extract().path("restore.volume_id");
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("restoring"));
        cinder().get("/v3/volumes/{id}", target).then().body("volume.status", equalTo("restoring-backup"));

        settle();

        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
        cinder().get("/v3/volumes/{id}", target).then()
                .body("volume.status", equalTo("available"))
                .body("volume.name", equalTo("source"))
                .body("volume.bootable", equalTo("true"))
                .body("volume.metadata.k", equalTo("v"))
                .body("volume.metadata.src_backup_id", equalTo(backup));
    }

    @Test
    void restoreRefusesSmallOrBusyTargetsAndUnavailableBackups() {
        String big = createVolume(3);
        String backup = createBackup(big, "");
        cinder().body("{\"restore\": {}}").post("/v3/backups/{id}/restore", backup).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid backup: Backup status must be available"));
        settle();
        String small = createVolume(1);

        cinder().body("{\"restore\": {\"volume_id\": \"" + small + "\"}}").post("/v3/backups/{id}/restore", backup)
                .then().statusCode(400).body("badRequest.message",
                        equalTo("Invalid volume: volume size 1 is too small to restore backup of size 3."));
        cinder().body("{\"restore\": {\"volume_id\": \"" + UUID.randomUUID() + "\"}}")
                .post("/v3/backups/{id}/restore", backup).then().statusCode(404);
        cinder().body("{\"restore\": {\"\": \"\"}}").post("/v3/backups/{id}/restore", backup).then()
                .statusCode(400).body("badRequest.message", org.hamcrest.Matchers.containsString("'' was unexpected)"));
    }

    @Test
    void deleteWaitsForTheServiceAndOnlyFromAvailableOrError() {
        String backup = createBackup(createVolume(1), "");
        cinder().delete("/v3/backups/{id}", backup).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid backup: Backup status must be available or error"));
        settle();

        cinder().delete("/v3/backups/{id}", backup).then().statusCode(202);
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("deleting"));
        settle();

        cinder().get("/v3/backups/{id}", backup).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Backup " + backup + " could not be found."));
    }

    @Test
    void incrementalsChainToTheLatestAvailableBackup() {
        String volume = createVolume(1);
        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\", \"incremental\": true}}").post("/v3/backups")
                .then().statusCode(400).body("badRequest.message",
                        equalTo("Invalid backup: No backups available to do an incremental backup."));
        String full = createBackup(volume, "");
        settle();

        String incremental = createBackup(volume, ", \"incremental\": \"yes\"");
        cinder().get("/v3/backups/{id}", full).then().body("backup.has_dependent_backups", equalTo(false));
        settle();

        cinder().get("/v3/backups/{id}", incremental).then().body("backup.is_incremental", equalTo(true));
        cinder().get("/v3/backups/{id}", full).then().body("backup.has_dependent_backups", equalTo(true));
        cinder().delete("/v3/backups/{id}", full).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid backup: Incremental backups exist for this backup."));
        cinder().body("{\"os-force_delete\": {}}").post("/v3/backups/{id}/action", full).then().statusCode(400);

        cinder().delete("/v3/backups/{id}", incremental).then().statusCode(202);
        settle();
        cinder().get("/v3/backups/{id}", full).then().body("backup.has_dependent_backups", equalTo(false));
        cinder().delete("/v3/backups/{id}", full).then().statusCode(202);
    }

    @Test
    void aBackupCreatedThroughTheApiHasNoAvailabilityZoneEvenWhenOneWasAskedFor() {
        String volume = createVolume(1);
        String plain = createBackup(volume, "");
        settle();
        String zoned = cinder().header("OpenStack-API-Version", "volume 3.51")
                .body("{\"backup\": {\"volume_id\": \"" + volume + "\", \"availability_zone\": \"nova\"}}")
                .post("/v3/backups").then().statusCode(202).extract().path("backup.id");
        cinder().get("/v3/backups/{id}", zoned).then().body("backup.availability_zone", nullValue());
        settle();

        cinder().get("/v3/backups/{id}", zoned).then().body("backup.status", equalTo("available"))
                .body("backup.availability_zone", nullValue());
        cinder().get("/v3/backups/{id}", plain).then().body("backup.availability_zone", nullValue());
    }

    @Test
    void theParentOfAnIncrementalIsTheLatestBackupWhichMustBeAvailable() {
        String volume = createVolume(1);
        String full = createBackup(volume, "");
        settle();
        String failed = createBackup(volume, "");
        settle();
        cinder().body("{\"os-reset_status\": {\"status\": \"error\"}}").post("/v3/backups/{id}/action", failed)
                .then().statusCode(202);

        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\", \"incremental\": true}}").post("/v3/backups")
                .then().statusCode(400).body("badRequest.message",
                        equalTo("Invalid backup: The parent backup must be available for incremental backup."));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));

        cinder().body("{\"os-reset_status\": {\"status\": \"available\"}}").post("/v3/backups/{id}/action", failed)
                .then().statusCode(202);
        String incremental = createBackup(volume, ", \"incremental\": true");
        settle();
        cinder().get("/v3/backups/{id}", failed).then().body("backup.has_dependent_backups", equalTo(true));
        cinder().get("/v3/backups/{id}", full).then().body("backup.has_dependent_backups", equalTo(false));
        cinder().get("/v3/backups/{id}", incremental).then().body("backup.is_incremental", equalTo(true));
    }

    @Test
    void anImportInFlightHasNoSizeDataTimestampOrUpdateTimeUntilTheServiceImportsIt() {
        String backup = createBackup(createVolume(2), "");
        settle();
        String url = cinder().get("/v3/backups/{id}/export_record", backup).then().statusCode(200).extract()
                .path("backup-record.backup_url");
        String newId = UUID.randomUUID().toString();
        String edited = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(url),
                StandardCharsets.UTF_8).replace(backup, newId).getBytes(StandardCharsets.UTF_8));
        cinder().body("{\"backup-record\": {\"backup_service\": \"cinder.backup.drivers.swift.SwiftBackupDriver\","
                + " \"backup_url\": \"" + edited + "\"}}").post("/v3/backups/import_record").then().statusCode(201);

        at("3.70").get("/v3/backups/{id}", newId).then().body("backup.status", equalTo("creating"))
                .body("backup.size", equalTo(0)).body("backup.data_timestamp", nullValue())
                .body("backup.updated_at", nullValue()).body("backup.availability_zone", nullValue());
        settle();

        at("3.70").get("/v3/backups/{id}", newId).then().body("backup.status", equalTo("available"))
                .body("backup.size", equalTo(2)).body("backup.data_timestamp", not(nullValue()))
                .body("backup.updated_at", not(nullValue())).body("backup.availability_zone", equalTo("nova"));
    }

    @Test
    void exportedRecordImportsUnderANewId() throws Exception {
        String backup = createBackup(createVolume(1), ", \"name\": \"exported\"");
        settle();
        String url = cinder().get("/v3/backups/{id}/export_record", backup).then().statusCode(200)
                .body("backup-record.backup_service", startsWith("cinder.backup.drivers"))
                .extract().path("backup-record.backup_url");

        String json = new String(Base64.getDecoder().decode(url), StandardCharsets.UTF_8);
        String newId = UUID.randomUUID().toString();
        String edited = Base64.getEncoder().encodeToString(json.replace(backup, newId)
                .getBytes(StandardCharsets.UTF_8));
        cinder().body("{\"backup-record\": {\"backup_service\": \"cinder.backup.drivers.swift.SwiftBackupDriver\","
                + " \"backup_url\": \"" + edited + "\"}}").post("/v3/backups/import_record").then().statusCode(201)
                .body("backup.id", equalTo(newId));
        cinder().get("/v3/backups/{id}", newId).then().body("backup.status", equalTo("creating"))
                .body("backup.volume_id", equalTo("00000000-0000-0000-0000-000000000000"));
        settle();

        cinder().get("/v3/backups/{id}", newId).then().body("backup.status", equalTo("available"))
                .body("backup.name", equalTo("exported"));
        cinder().body("{\"backup-record\": {\"backup_service\": \"x\", \"backup_url\": \"" + url + "\"}}")
                .post("/v3/backups/import_record").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid backup: Backup already exists in database."));
        cinder().body("{\"backup-record\": {\"backup_url\": \"fake\"}}").post("/v3/backups/import_record").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute backup-record."
                        + " Value: {'backup_url': 'fake'}. 'backup_service' is a required property"));
        String notJson = Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8));
        cinder().body("{\"backup-record\": {\"backup_service\": \"x\", \"backup_url\": \"" + notJson + "\"}}")
                .post("/v3/backups/import_record").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Can't parse backup record."));
    }

    @Test
    void seedActionShapesRestoreExportAndImport() {
        String backup = createBackup(createVolume(1), "");
        settle();
        String url = cinder().body("{\"backup-export\": {}}").post("/v3/backups/{id}/action", backup).then()
                .statusCode(200).extract().path("backup-record.backup_url");
        cinder().body("{\"backup-import\": {\"backup_service\": \"s\", \"backup_url\": \"" + url + "\"}}")
                .post("/v3/backups/{id}/action", backup).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid backup: Backup already exists in database."));
        given().port(port).filter(SEED_ACTIONS).header("X-Auth-Token", "admin:" + project).contentType("application/json")
                .body("{\"restore\": {\"name\": \"via-action\"}}").post("/v3/backups/{id}/action", backup).then()
                .statusCode(202).body("restore.volume_name", equalTo("via-action"));
    }

    @Test
    void adminActionsResetStatusAndForceDelete() {
        String volume = createVolume(1);
        String backup = createBackup(volume, "");
        cinder().body("{\"os-reset_status\": {\"status\": \"restoring\"}}").post("/v3/backups/{id}/action", backup)
                .then().statusCode(400).body("badRequest.message",
                        equalTo("Backup status: restoring is invalid, valid statuses are: ['available', 'error']."));
        malformed().body("{\"os-reset_status\": {}}").post("/v3/backups/{id}/action", backup).then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute os-reset_status. Value: {}. 'status' is a required property"));

        cinder().body("{\"os-force_delete\": null}").post("/v3/backups/{id}/action", backup).then().statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
        settle();
        cinder().get("/v3/backups/{id}", backup).then().statusCode(404);

        String other = createBackup(volume, "");
        settle();
        cinder().body("{\"os-reset_status\": {\"status\": \"Error\"}}").post("/v3/backups/{id}/action", other).then()
                .statusCode(202);
        cinder().get("/v3/backups/{id}", other).then().body("backup.status", equalTo("error"));
        malformed().body("{\"os-frobnicate\": {}}").post("/v3/backups/{id}/action", other).then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: os-frobnicate. Verify the request body "
                        + "and Content-Type header and try again."));
        malformed().body("{\"a\": 1, \"b\": 2}").post("/v3/backups/{id}/action", other).then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request body"));
    }

    @Test
    void quotaRefusalsCarryTheClassNameAndRetryAfter() {
        String volume = createVolume(1);
        for (int i = 0; i < 10; i++) {
            createBackup(volume, "");
            settle();
        }
        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then()
                .statusCode(413).header("Retry-After", "0")
                .body("overLimit.message", equalTo("BackupLimitExceeded: Maximum number of backups allowed (10) "
                        + "exceeded"))
                .body("overLimit.retryAfter", equalTo("0"));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
    }

    @Test
    void updateExistsFromThreeNineAndMetadataFromThreeFortyThree() {
        String backup = createBackup(createVolume(1), "");
        cinder().body("{\"backup\": {\"name\": \"x\"}}").put("/v3/backups/{id}", backup).then().statusCode(404)
                .body("itemNotFound.message", equalTo("The resource could not be found."));
        at("3.9").body("{\"backup\": {\"name\": \"renamed\"}}").put("/v3/backups/{id}", backup).then()
                .statusCode(200).body("backup.name", equalTo("renamed")).body("backup", not(hasKey("status")));
        at("3.9").body("{\"backup\": {\"metadata\": {\"a\": \"b\"}}}").put("/v3/backups/{id}", backup).then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute backup. Value: "
                        + "{'metadata': {'a': 'b'}}. Additional properties are not allowed ('metadata' was unexpected)"));
        at("3.43").body("{\"backup\": {\"metadata\": {\"a\": \"b\"}}}").put("/v3/backups/{id}", backup).then()
                .statusCode(200);
        at("3.43").get("/v3/backups/{id}", backup).then().body("backup.metadata.a", equalTo("b"));
        at("3.56").get("/v3/backups/{id}", backup).then()
                .body("backup.'os-backup-project-attr:project_id'", equalTo(project))
                .body("backup.user_id", equalTo("admin"));
    }

    @Test
    void unknownIdsAreNotFoundWhateverTheirShape() {
        cinder().get("/v3/backups/{id}", "not-a-uuid").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Backup not-a-uuid could not be found."));
        cinder().body("{\"backup\": {\"volume_id\": \"" + UUID.randomUUID() + "\"}}").post("/v3/backups").then()
                .statusCode(404).body("itemNotFound.message", org.hamcrest.Matchers.startsWith("Volume "));
    }

    @Test
    void listsPageWithMarkersAndLinksAndCount() {
        String volume = createVolume(1);
        for (String name : List.of("b", "a", "c")) {
            createBackup(volume, ", \"name\": \"" + name + "\"");
            settle();
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        List<String> names = at("3.37").queryParam("sort", "name:asc").get("/v3/backups").then().statusCode(200)
                .body("$", not(hasKey("backups_links"))).extract().path("backups.name");
        assertThat(names).containsExactly("a", "b", "c");
        cinder().queryParam("sort", "name:asc").get("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Invalid sort key"));

        String next = cinder().queryParam("limit", 2).get("/v3/" + project + "/backups").then().statusCode(200)
                .body("backups.name", equalTo(List.of("c", "a")))
                .body("backups_links[0].rel", equalTo("next")).extract().path("backups_links[0].href");
        assertThat(next).contains("/v3/" + project + "/backups?limit=2&marker=");
        String marker = next.substring(next.indexOf("marker=") + 7);
        cinder().queryParam("limit", 2).queryParam("marker", marker).get("/v3/backups").then()
                .body("backups.name", equalTo(List.of("b"))).body("$", not(hasKey("backups_links")));

        at("3.45").queryParam("with_count", "true").queryParam("limit", 1).get("/v3/backups/detail").then()
                .body("count", equalTo(3)).body("backups.size()", equalTo(1))
                .body("backups_links[0].href", org.hamcrest.Matchers.containsString("backups/detail?"));
        cinder().queryParam("marker", UUID.randomUUID()).get("/v3/backups").then().statusCode(404);
        cinder().queryParam("limit", "x").get("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("limit param must be an integer"));
        cinder().queryParam("offset", "-1").get("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("offset must be >= 0"));
        cinder().queryParam("sort", "name").queryParam("sort_key", "id").get("/v3/backups").then().statusCode(400);
        cinder().queryParam("sort_dir", "up").get("/v3/backups").then().statusCode(400).body("badRequest.message",
                equalTo("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'."));
        cinder().queryParam("name", "a").get("/v3/backups").then().body("backups.size()", equalTo(1));
        at("3.34").queryParam("name~", "b").queryParam("sort", "created_at").get("/v3/backups").then()
                .body("backups.name", equalTo(List.of("b")));
        cinder().queryParam("frobnicate", "1").get("/v3/backups").then().body("backups.size()", equalTo(0));
        at("3.45").queryParam("with_count", "maybe").get("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("Value 'maybe' for 'with_count' is not a boolean."));
        cinder().queryParam("all_tenants", "perhaps").get("/v3/backups").then().statusCode(400)
                .body("badRequest.message", equalTo("all_tenants must be a boolean, got 'perhaps'."));
    }

    @Test
    void anotherProjectsBackupsAreInvisible() {
        String backup = createBackup(createVolume(1), "");
        String stranger = dev.cinderemulator.support.Ids.project();
        as("someone", stranger).get("/v3/backups").then().body("backups.size()", equalTo(0));
        as("someone", stranger).queryParam("all_tenants", "1").get("/v3/backups").then()
                .body("backups.id", org.hamcrest.Matchers.hasItem(backup));
        as("someone", stranger).get("/v3/" + project + "/backups/{id}", backup).then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request url"));
        cinder().get("/v3/backups/{id}", backup).then().body("backup.fail_reason", nullValue());
    }
}
