package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import io.restassured.response.ValidatableResponse;

/**
 * The volume and snapshot actions backup workflows meet ({@code contrib/volume_actions.py},
 * {@code admin_actions.py}, {@code snapshot_actions.py}), over HTTP and against the contract.
 */
class VolumeActionsAcceptanceTests extends AcceptanceTestSupport {

    private static final String SERVER = "6f1e6c2a-3d2b-4b5e-9c1d-0a1b2c3d4e5f";

    @Test
    void attachMakesTheVolumeInUseWithAnAttachmentAndDetachReleasesIt() {
        String volume = createVolume(1);
        action(volume, "{\"os-reserve\": null}").statusCode(202);
        status(volume, "attaching");
        action(volume, "{\"os-unreserve\": null}").statusCode(202);
        status(volume, "available");

        action(volume, "{\"os-attach\": {\"instance_uuid\": \"" + SERVER + "\", \"mountpoint\": \"/dev/vdb\"}}")
                .statusCode(202);
        String attachment = cinder().get("/v3/volumes/{id}", volume).then().statusCode(200)
                .body("volume.status", equalTo("in-use"))
                .body("volume.attachments", hasSize(1))
                .body("volume.attachments[0].server_id", equalTo(SERVER))
                .body("volume.attachments[0].device", equalTo("/dev/vdb"))
                .body("volume.attachments[0].volume_id", equalTo(volume))
                .body("volume.metadata", equalTo(Map.of("readonly", "False", "attached_mode", "rw")))
                .extract().path("volume.attachments[0].attachment_id");

        action(volume, "{\"os-attach\": {\"host_name\": \"other\", \"mountpoint\": \"/dev/vdc\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Error attaching volume - InvalidVolume: Invalid volume: volume "
                        + "is already attached and multiple attachments are not enabled"));
        cinder().delete("/v3/volumes/{id}", volume).then().statusCode(400);

        action(volume, "{\"os-begin_detaching\": null}").statusCode(202);
        status(volume, "detaching");
        action(volume, "{\"os-roll_detaching\": null}").statusCode(202);
        status(volume, "in-use");
        action(volume, "{\"os-detach\": {\"attachment_id\": \"" + attachment + "\"}}").statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"))
                .body("volume.attachments", empty())
                .body("volume.metadata", equalTo(Map.of("readonly", "False")));
        action(volume, "{\"os-begin_detaching\": null}").statusCode(400).body("badRequest.message",
                equalTo("Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status "
                        + "must be 'attached' to detach."));
    }

    @Test
    void attachBodiesAreValidatedBeforeTheVolumeIsLookedUp() {
        String unknown = UUID.randomUUID().toString();
        malformed().body("{\"os-attach\": {\"instance_uuid\": \"" + SERVER + "\"}}")
                .post("/v3/volumes/{id}/action", unknown).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute os-attach. Value: "
                        + "{'instance_uuid': '" + SERVER + "'}. 'mountpoint' is a required property"));
        action(unknown, "{\"os-reserve\": {}}").statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + unknown + " could not be found."));
        action(unknown, "{\"os-volume_upload_image\": {}}").statusCode(400).body("badRequest.message",
                equalTo("There is no such action: os-volume_upload_image. Verify the request body and Content-Type "
                        + "header and try again."));
    }

    @Test
    void anInUseVolumeIsBackedUpOnlyWithForce() {
        String volume = createVolume(1);
        action(volume, "{\"os-attach\": {\"host_name\": \"backup-host\", \"mountpoint\": \"/mnt\"}}").statusCode(202);
        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Invalid volume: Backing up an in-use volume must use the force flag."));
        createBackup(volume, ", \"force\": true");
        status(volume, "backing-up");
        settle();
        status(volume, "in-use");
    }

    @Test
    void extendGrowsAnAvailableVolumeAndInUseOnesFrom342() {
        String volume = createVolume(1);
        action(volume, "{\"os-extend\": {\"new_size\": 1}}").statusCode(400).body("badRequest.message",
                equalTo("Invalid input received: New size for extend must be greater than current size. (current: "
                        + "1, extended: 1)."));
        action(volume, "{\"os-extend\": {\"new_size\": \"3\"}}").statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.size", equalTo(3))
                .body("volume.status", equalTo("available"));

        action(volume, "{\"os-attach\": {\"host_name\": \"h\", \"mountpoint\": \"/mnt\"}}").statusCode(202);
        action(volume, "{\"os-extend\": {\"new_size\": 4}}").statusCode(400).body("badRequest.message",
                equalTo("Invalid volume: Volume " + volume + " status must be '{'status': 'available'}' to extend, "
                        + "currently in-use."));
        at("3.42").body("{\"os-extend\": {\"new_size\": 4}}").post("/v3/volumes/{id}/action", volume).then()
                .statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.size", equalTo(4))
                .body("volume.status", equalTo("in-use"));
    }

    @Test
    void bootableAnswers200AndReadonlyNeedsAnAvailableVolume() {
        String volume = createVolume(1);
        action(volume, "{\"os-set_bootable\": {\"bootable\": \"yes\"}}").statusCode(200);
        action(volume, "{\"os-update_readonly_flag\": {\"readonly\": true}}").statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.bootable", equalTo("true"))
                .body("volume.metadata.readonly", equalTo("True"));
        action(volume, "{\"os-attach\": {\"host_name\": \"h\", \"mountpoint\": \"/mnt\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Invalid attaching mode 'rw' for volume " + volume + "."));
        action(volume, "{\"os-set_bootable\": {\"bootable\": \"maybe\"}}").statusCode(400);
        resetStatus(volume, "error");
        action(volume, "{\"os-update_readonly_flag\": {\"readonly\": false}}").statusCode(400).body(
                "badRequest.message", equalTo("Invalid volume: Volume " + volume + " status must be available to "
                        + "update readonly flag, but current status is: error."));
    }

    @Test
    void forceDeleteSkipsTheStatus() {
        String volume = createVolume(1);
        resetStatus(volume, "error_backing-up");
        action(volume, "{\"os-force_delete\": {}}").statusCode(202);
        status(volume, "deleting");
        settle();
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(404);
    }

    @Test
    void snapshotActionsResetForceDeleteAndReportStatus() {
        String volume = createVolume(1);
        String snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/snapshots")
                .then().statusCode(202).extract().path("snapshot.id");
        snapshotAction(snapshot, "{\"os-update_snapshot_status\": {\"status\": \"deleting\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Provided snapshot status deleting not allowed for snapshot "
                        + "with status creating."));
        snapshotAction(snapshot, "{\"os-update_snapshot_status\": {\"status\": \"error\", \"progress\": \"50%\"}}")
                .statusCode(202);
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("error"))
                .body("snapshot.'os-extended-snapshot-attributes:progress'", equalTo("50%"));
        snapshotAction(snapshot, "{\"os-update_snapshot_status\": {\"status\": \"available\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Snapshot status error not allowed for update_snapshot_status"));

        snapshotAction(snapshot, "{\"os-reset_status\": {\"status\": \"nonsense\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Snapshot status: nonsense is invalid, valid statuses are: "
                        + "('error', 'available', 'creating', 'deleting', 'deleted', 'updating', 'error_deleting', "
                        + "'unmanaging', 'backing-up', 'restoring')."));
        snapshotAction(snapshot, "{\"os-reset_status\": {\"status\": \"Backing-Up\"}}").statusCode(202);
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("backing-up"));
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(400);
        snapshotAction(snapshot, "{\"os-force_delete\": {}}").statusCode(202);
        settle();
        cinder().get("/v3/snapshots/{id}", snapshot).then().statusCode(404);
    }

    @Test
    void resetToInUseNeedsAnAttachmentAndDetachedStatusDetaches() {
        String volume = createVolume(1);
        action(volume, "{\"os-reset_status\": {\"status\": \"in-use\"}}").statusCode(400).body("badRequest.message",
                equalTo("Cannot reset-state to in-use because volume does not have any attachments."));
        action(volume, "{\"os-attach\": {\"instance_uuid\": \"" + SERVER + "\", \"mountpoint\": \"/dev/vdb\"}}")
                .statusCode(202);
        action(volume, "{\"os-reset_status\": {\"status\": \"error\"}}").statusCode(202);
        action(volume, "{\"os-reset_status\": {\"status\": \"in-use\"}}").statusCode(202);
        action(volume, "{\"os-reset_status\": {\"attach_status\": \"detached\"}}").statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"))
                .body("volume.attachments", empty()).body("volume.metadata", not(equalTo(nullValue())));
    }

    private ValidatableResponse action(String volume, String body) {
        return cinder().body(body).post("/v3/volumes/{id}/action", volume).then();
    }

    private ValidatableResponse snapshotAction(String snapshot, String body) {
        return cinder().body(body).post("/v3/snapshots/{id}/action", snapshot).then();
    }

    private void status(String volume, String status) {
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(200).body("volume.status", equalTo(status));
    }

    private void resetStatus(String volume, String status) {
        action(volume, "{\"os-reset_status\": {\"status\": \"" + status + "\"}}").statusCode(202);
    }
}
