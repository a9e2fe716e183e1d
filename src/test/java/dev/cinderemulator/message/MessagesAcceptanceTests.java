package dev.cinderemulator.message;

import static dev.cinderemulator.support.ControlApi.control;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;

/**
 * User messages (3.3+): the backup manager's messages for failed creates, restores and deletes,
 * with their event ids and texts; list, show, filter, delete; and expiry after 30 days.
 */
class MessagesAcceptanceTests extends AcceptanceTestSupport {

    @AfterEach
    void clearFaults() {
        control(port).delete("/_emulator/faults").then().statusCode(204);
    }

    private void failNext(String operation) {
        control(port).body("{\"operation\": \"" + operation + "\", \"times\": 1, \"action\": \"outcome\"}")
                .post("/_emulator/faults").then().statusCode(201);
    }

    @Test
    void aFailedCreateLeavesAMessageAboutTheBackup() {
        String volume = createVolume(1);
        failNext("backup.create");
        String backup = createBackup(volume, "");
        settle();
        // An admin sees every project's messages: this backup's are found by its id (3.5+).
        String id = at("3.5").queryParam("resource_uuid", backup).get("/v3/messages").then().statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].event_id", equalTo("VOLUME_VOLUME_BACKUP_013_018"))
                .body("messages[0].user_message", equalTo("create backup:Backup service is down."))
                .body("messages[0].message_level", equalTo("ERROR"))
                .body("messages[0].resource_type", equalTo("VOLUME_BACKUP"))
                .body("messages[0].resource_uuid", equalTo(backup))
                .extract().path("messages[0].id");
        at("3.3").get("/v3/messages/{id}", id).then().statusCode(200).body("message.id", equalTo(id));
        at("3.3").delete("/v3/messages/{id}", id).then().statusCode(204);
        at("3.3").get("/v3/messages/{id}", id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Message " + id + " could not be found."));
    }

    @Test
    void restoreAndDeleteFailuresHaveTheirOwnEvents() {
        String volume = createVolume(1);
        String backup = createBackup(volume, "");
        settle();
        failNext("backup.restore");
        cinder().body("{\"restore\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups/{id}/restore", backup)
                .then().statusCode(202);
        settle();
        failNext("backup.delete");
        cinder().delete("/v3/backups/{id}", backup).then().statusCode(202);
        settle();
        at("3.5").queryParam("resource_uuid", backup).queryParam("sort", "created_at:asc").get("/v3/messages").then()
                .statusCode(200)
                .body("messages.event_id", contains("VOLUME_VOLUME_BACKUP_015_026", "VOLUME_VOLUME_BACKUP_014_018"))
                .body("messages.user_message", contains("restore backup:Backup driver failed to restore backup.",
                        "delete backup:Backup service is down."));
        at("3.5").queryParam("resource_uuid", backup).queryParam("event_id", "VOLUME_VOLUME_BACKUP_015_026")
                .get("/v3/messages").then().body("messages", hasSize(1));
        at("3.5").queryParam("resource_uuid", backup).queryParam("limit", "1").get("/v3/messages").then()
                .body("messages", hasSize(1)).body("messages_links[0].rel", equalTo("next"));
    }

    @Test
    void messagesExpireAfterThirtyDaysAndBelongToTheirProject() {
        String volume = createVolume(1);
        failNext("backup.create");
        String backup = createBackup(volume, "");
        settle();
        String id = at("3.5").queryParam("resource_uuid", backup).get("/v3/messages").then()
                .body("messages", hasSize(1)).extract().path("messages[0].id");
        String stranger = Ids.project();
        as("admin", stranger).header("OpenStack-API-Version", "volume 3.3").get("/v3/messages/{id}", id).then()
                .statusCode(200);
        at("3.2").get("/v3/messages").then().statusCode(404);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        at("3.5").queryParam("resource_uuid", backup).get("/v3/messages").then().body("messages", hasSize(0));
        at("3.3").get("/v3/messages/{id}", id).then().statusCode(404);
    }

    /**
     * Tempest's {@code test_user_messages}: a type whose extra specs no backend satisfies leaves
     * the volume in {@code error} once the scheduler has run, with the scheduler's message; the
     * volume still counts against the quota, as the API committed it.
     */
    @Test
    void aVolumeNoBackendCanTakeLeavesTheSchedulersMessage() {
        String unmatched = cinder().body("{\"volume_type\": {\"name\": \"nowhere-" + Ids.project() + "\", "
                + "\"extra_specs\": {\"volume_backend_name\": \"lvm-elsewhere\", \"vendor_name\": \"Open Source\"}}}")
                .post("/v3/types").then().statusCode(200).extract().path("volume_type.id");
        String volume = cinder().body("{\"volume\": {\"size\": 2, \"volume_type\": \"" + unmatched + "\"}}")
                .post("/v3/volumes").then().statusCode(202).body("volume.status", equalTo("creating"))
                .extract().path("volume.id");
        at("3.5").queryParam("resource_uuid", volume).get("/v3/messages").then().statusCode(200)
                .body("messages", hasSize(0));
        settle();
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(200).body("volume.status", equalTo("error"));
        at("3.5").queryParam("resource_uuid", volume).get("/v3/messages").then().statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].event_id", equalTo("VOLUME_VOLUME_001_003"))
                .body("messages[0].user_message",
                        equalTo("schedule allocate volume:Could not find any available weighted backend."))
                .body("messages[0].message_level", equalTo("ERROR"))
                .body("messages[0].resource_type", equalTo("VOLUME"))
                .body("messages[0].resource_uuid", equalTo(volume));
        cinder().queryParam("usage", "true").get("/v3/os-quota-sets/{id}", project).then().statusCode(200)
                .body("quota_set.volumes.in_use", equalTo(1)).body("quota_set.gigabytes.in_use", equalTo(2));

        // The backend's own name and vendor (capabilities:-scoped or not) do place the volume.
        String matched = cinder().body("{\"volume_type\": {\"name\": \"here-" + Ids.project() + "\", "
                + "\"extra_specs\": {\"volume_backend_name\": \"lvm\", \"capabilities:storage_protocol\": \"iSCSI\", "
                + "\"total_capacity_gb\": \">= 100\", \"vendor:anything\": \"x\"}}}")
                .post("/v3/types").then().statusCode(200).extract().path("volume_type.id");
        String placed = cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + matched + "\"}}")
                .post("/v3/volumes").then().statusCode(202).extract().path("volume.id");
        settle();
        cinder().get("/v3/volumes/{id}", placed).then().statusCode(200).body("volume.status", equalTo("available"));
        at("3.5").queryParam("resource_uuid", placed).get("/v3/messages").then().body("messages", hasSize(0));
    }
}
