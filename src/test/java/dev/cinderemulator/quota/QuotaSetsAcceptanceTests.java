package dev.cinderemulator.quota;

import static dev.cinderemulator.support.ControlApi.control;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;

/**
 * {@code os-quota-sets}, {@code os-quota-class-sets} and {@code /limits}: the configured quotas are
 * the defaults, a change is enforced by the next create, delete and a reset go back to the defaults.
 */
class QuotaSetsAcceptanceTests extends AcceptanceTestSupport {

    private static final String DEFAULT_CLASS = """
            {"quota_class_set": {"volumes": 10, "snapshots": 10, "gigabytes": 1000, "backups": 10,
             "backup_gigabytes": 1000, "per_volume_gigabytes": -1, "groups": 10}}""";

    @AfterEach
    void restoreDefaultClass() {
        cinder().body(DEFAULT_CLASS).put("/v3/os-quota-class-sets/default").then().statusCode(200);
    }

    @Test
    void aProjectWithoutLimitsShowsTheConfiguredDefaults() {
        String other = Ids.project();
        cinder().get("/v3/os-quota-sets/{id}", other).then().statusCode(200)
                .body("quota_set.id", equalTo(other))
                .body("quota_set.volumes", equalTo(10))
                .body("quota_set.snapshots", equalTo(10))
                .body("quota_set.gigabytes", equalTo(1000))
                .body("quota_set.backups", equalTo(10))
                .body("quota_set.backup_gigabytes", equalTo(1000))
                .body("quota_set.per_volume_gigabytes", equalTo(-1))
                .body("quota_set.groups", equalTo(10))
                .body("quota_set.volumes___DEFAULT__", equalTo(-1));
        cinder().get("/v3/os-quota-sets/{id}/defaults", other).then().statusCode(200)
                .body("quota_set.backups", equalTo(10)).body("quota_set.id", equalTo(other));
    }

    @Test
    void usageCountsWhatTheProjectHolds() {
        String volume = createVolume(3);
        createBackup(volume, "");
        settle();
        cinder().queryParam("usage", "true").get("/v3/os-quota-sets/{id}", project).then().statusCode(200)
                .body("quota_set.volumes.in_use", equalTo(1))
                .body("quota_set.volumes.limit", equalTo(10))
                .body("quota_set.volumes.reserved", equalTo(0))
                .body("quota_set.gigabytes.in_use", equalTo(3))
                .body("quota_set.backups.in_use", equalTo(1))
                .body("quota_set.backup_gigabytes.in_use", equalTo(3))
                .body("quota_set.volumes___DEFAULT__.in_use", equalTo(1));
        malformed().queryParam("usage", "maybe").get("/v3/os-quota-sets/{id}", project).then().statusCode(400)
                .body("badRequest.message", equalTo("Value 'maybe' for 'usage' is not a boolean."));
    }

    @Test
    void anUpdatedLimitIsEnforcedAtOnce() {
        createVolume(1);
        cinder().body("{\"quota_set\": {\"volumes\": 1, \"backups\": \"0\"}}").put("/v3/os-quota-sets/{id}", project)
                .then().statusCode(200)
                .body("quota_set.volumes", equalTo(1)).body("quota_set.backups", equalTo(0))
                .body("quota_set.id", nullValue());
        cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeLimitExceeded: Maximum number of volumes allowed (1) "
                        + "exceeded for quota 'volumes'."));
        String volume = cinder().get("/v3/volumes").then().extract().path("volumes[0].id");
        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then().statusCode(413)
                .body("overLimit.message", equalTo("BackupLimitExceeded: Maximum number of backups allowed (0) "
                        + "exceeded"));
    }

    @Test
    void perVolumeGigabytesLimitsOneVolume() {
        cinder().body("{\"quota_set\": {\"per_volume_gigabytes\": 2}}").put("/v3/os-quota-sets/{id}", project)
                .then().statusCode(200);
        cinder().body("{\"volume\": {\"size\": 3}}").post("/v3/volumes").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsLimit: Requested volume size 3G is larger than "
                        + "maximum allowed limit 2G."));
    }

    @Test
    void aLimitBelowTheUsageIsRefusedOnceTheProjectHasItsOwn() {
        createVolume(1);
        createVolume(1);
        // The first limit on a resource is not compared with the usage (Cinder reads it with defaults=False).
        cinder().body("{\"quota_set\": {\"volumes\": 1}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(200);
        cinder().body("{\"quota_set\": {\"volumes\": 1}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(400).body("badRequest.message", equalTo("Quota volumes limit must be equal or greater "
                        + "than existing resources. Current usage is 2 and the requested limit is 1."));
    }

    @Test
    void badQuotaSetsAreRefusedAsCinderRefusesThem() {
        malformed().body("{\"quota_set\": {\"volumes\": 1, \"bogus\": 1}}").put("/v3/os-quota-sets/{id}", project)
                .then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Bad key(s) in quota set: bogus"));
        malformed().body("{\"quota_set\": {\"volumes\": 1.5}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(400).body("badRequest.message", equalTo("volumes must be an integer"));
        malformed().body("{\"quota_set\": {\"volumes\": -2}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(400).body("badRequest.message", equalTo("volumes must be >= -1"));
        malformed().body("{\"quota_set\": {}}").put("/v3/os-quota-sets/{id}", project).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute quota_set. Value: {}. {} does "
                        + "not have enough properties"));
    }

    @Test
    void deleteAndResetGoBackToTheDefaults() {
        cinder().body("{\"quota_set\": {\"volumes\": 3}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(200);
        cinder().delete("/v3/os-quota-sets/{id}", project).then().statusCode(200);
        cinder().get("/v3/os-quota-sets/{id}", project).then().body("quota_set.volumes", equalTo(10));

        cinder().body("{\"quota_set\": {\"backups\": 4}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(200);
        control(port).queryParam("project", project).post("/_emulator/reset").then().statusCode(200);
        cinder().get("/v3/os-quota-sets/{id}", project).then().body("quota_set.backups", equalTo(10));
    }

    @Test
    void theDefaultQuotaClassSetsEveryProjectsDefaults() {
        cinder().get("/v3/os-quota-class-sets/default").then().statusCode(200)
                .body("quota_class_set.id", equalTo("default")).body("quota_class_set.backups", equalTo(10));
        cinder().body("{\"quota_class_set\": {\"backups\": 2}}").put("/v3/os-quota-class-sets/default").then()
                .statusCode(200).body("quota_class_set.backups", equalTo(2)).body("quota_class_set.id", nullValue());
        String fresh = Ids.project();
        cinder().get("/v3/os-quota-sets/{id}/defaults", fresh).then().body("quota_set.backups", equalTo(2));
        cinder().get("/v3/os-quota-sets/{id}", fresh).then().body("quota_set.backups", equalTo(2));
        cinder().get("/v3/limits").then().body("limits.absolute.maxTotalBackups", equalTo(2));
        malformed().body("{\"quota_class_set\": {\"bogus\": 1}}").put("/v3/os-quota-class-sets/default").then()
                .statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Bad key(s) in quota class set: bogus"));
    }

    @Test
    void limitsShowTheProjectsLimitsAndUsage() {
        String volume = createVolume(2);
        createBackup(volume, "");
        settle();
        cinder().body("{\"quota_set\": {\"backup_gigabytes\": 50}}").put("/v3/os-quota-sets/{id}", project).then()
                .statusCode(200);
        cinder().get("/v3/limits").then().statusCode(200)
                .body("limits.rate.size()", equalTo(0))
                .body("limits.absolute.maxTotalVolumes", equalTo(10))
                .body("limits.absolute.maxTotalBackupGigabytes", equalTo(50))
                .body("limits.absolute.totalVolumesUsed", equalTo(1))
                .body("limits.absolute.totalGigabytesUsed", equalTo(2))
                .body("limits.absolute.totalBackupsUsed", equalTo(1))
                .body("limits.absolute.totalBackupGigabytesUsed", equalTo(2));
        // An admin may look at another project from 3.39 on; before, project_id is ignored.
        String other = Ids.project();
        at("3.39").queryParam("project_id", other).get("/v3/limits").then()
                .body("limits.absolute.totalVolumesUsed", equalTo(0))
                .body("limits.absolute.maxTotalBackupGigabytes", equalTo(1000));
        at("3.38").queryParam("project_id", other).get("/v3/limits").then()
                .body("limits.absolute.totalVolumesUsed", equalTo(1));
    }
}
