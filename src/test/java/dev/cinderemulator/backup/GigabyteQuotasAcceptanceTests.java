package dev.cinderemulator.backup;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;
import io.restassured.specification.RequestSpecification;

/**
 * The gigabyte quotas (Cinder's defaults: 1000 GB for volumes and snapshots together, 1000 GB for
 * backups), with the usage each refusal reports, counted from the project's rows. Each test works
 * in a project of its own, so what has been consumed is known.
 */
class GigabyteQuotasAcceptanceTests extends AcceptanceTestSupport {

    private final String owner = Ids.project();

    private RequestSpecification owner() {
        return as("admin", owner);
    }

    private String volume(int size) {
        String id = owner().body("{\"volume\": {\"size\": " + size + "}}").post("/v3/volumes").then().statusCode(202)
                .extract().path("volume.id");
        settle();
        return id;
    }

    @Test
    void volumesAndSnapshotsShareTheGigabytesQuota() {
        String large = volume(400);
        String snapshot = "{\"snapshot\": {\"volume_id\": \"" + large + "\"}}";
        owner().body(snapshot).post("/v3/snapshots").then().statusCode(202);
        settle();
        // 400 GB of volume and 400 GB of snapshot are held.
        owner().body("{\"volume\": {\"size\": 300}}").post("/v3/volumes").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 300G, quota is 1000G and 800G has been "
                        + "consumed."));
        owner().body(snapshot).post("/v3/snapshots").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 400G, quota is 1000G and 800G has been "
                        + "consumed."));
        volume(200);
    }

    @Test
    void backupGigabytesCountEveryBackupOfTheProject() {
        String large = volume(400);
        String backup = "{\"backup\": {\"volume_id\": \"" + large + "\"}}";
        owner().body(backup).post("/v3/backups").then().statusCode(202);
        settle();
        owner().body(backup).post("/v3/backups").then().statusCode(202);
        settle();
        owner().body(backup).post("/v3/backups").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds "
                        + "allowed Backup gigabytes quota. Requested 400G, quota is 1000G and 800G has been "
                        + "consumed."));
    }
}
