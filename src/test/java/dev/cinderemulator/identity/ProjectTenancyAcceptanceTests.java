package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Projects as Keystone tokens draw them on the Cinder side: demo's volumes, snapshots and backups
 * do not exist for alt_demo (404, never 403, and absent from lists even with {@code all_tenants}),
 * admin-only operations and fields follow Cinder's default policy, and quotas and names are per
 * project. Tokens come from {@code /keystone/v3/auth/tokens}; every Cinder answer is checked
 * against the OpenAPI contract. The clock is frozen and moved on to let the emulated services
 * finish, so nothing sleeps.
 */
class ProjectTenancyAcceptanceTests extends KeystoneAcceptanceSupport {

    private static final OpenApiValidationFilter ANSWERS = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/cinder-backups.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private String demo;
    private String alt;
    private String admin;

    @BeforeEach
    void logIn() {
        clock.freeze();
        demo = login("demo", "demo");
        alt = login("alt_demo", "alt_demo");
        admin = login("admin", "admin");
    }

    private RequestSpecification as(String token) {
        return cinder().filter(ANSWERS).header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private RequestSpecification as(String token, String version) {
        return as(token).header("OpenStack-API-Version", "volume " + version);
    }

    /** Lets every pending transition (create, delete, restore) finish. */
    private void settle() {
        clock.advance(Duration.ofMinutes(2));
    }

    private String volume(String token, String name, int size) {
        String id = as(token).body("{\"volume\": {\"size\": " + size + ", \"name\": \"" + name + "\"}}")
                .when().post("/v3/volumes")
                .then().statusCode(202).extract().path("volume.id");
        settle();
        return id;
    }

    private String backup(String token, String volumeId, String name) {
        String id = as(token).body("{\"backup\": {\"volume_id\": \"" + volumeId + "\", \"name\": \"" + name + "\"}}")
                .when().post("/v3/backups")
                .then().statusCode(202).extract().path("backup.id");
        settle();
        return id;
    }

    private void deleteBackup(String token, String id) {
        as(token).when().delete("/v3/backups/" + id).then().statusCode(202);
        settle();
    }

    private void deleteVolume(String token, String id) {
        as(token).when().delete("/v3/volumes/" + id).then().statusCode(202);
        settle();
    }

    @Test
    void anotherProjectsVolumesSnapshotsAndBackupsDoNotExist() {
        String volume = volume(demo, "demo-volume", 1);
        String backup = backup(demo, volume, "demo-backup");
        String snapshot = as(demo).body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"name\": \"demo-snap\"}}")
                .when().post("/v3/snapshots")
                .then().statusCode(202).extract().path("snapshot.id");
        settle();
        String altVolume = volume(alt, "alt-volume", 1);
        String altBackup = backup(alt, altVolume, "alt-backup");

        // show, update, delete: not found, with the owner's id in Cinder's text
        as(alt).when().get("/v3/backups/" + backup)
                .then().statusCode(404).body("itemNotFound.message", equalTo("Backup " + backup + " could not be found."));
        as(alt, "3.9").body("{\"backup\": {\"name\": \"stolen\"}}").when().put("/v3/backups/" + backup)
                .then().statusCode(404).body("itemNotFound.message", equalTo("Backup " + backup + " could not be found."));
        as(alt).when().delete("/v3/backups/" + backup)
                .then().statusCode(404).body("itemNotFound.message", equalTo("Backup " + backup + " could not be found."));
        as(alt).when().get("/v3/volumes/" + volume)
                .then().statusCode(404).body("itemNotFound.message", equalTo("Volume " + volume + " could not be found."));
        as(alt).body("{\"volume\": {\"name\": \"stolen\"}}").when().put("/v3/volumes/" + volume)
                .then().statusCode(404);
        as(alt).when().delete("/v3/volumes/" + volume).then().statusCode(404);
        as(alt).when().get("/v3/snapshots/" + snapshot)
                .then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + snapshot + " could not be found."));
        as(alt).body("{\"snapshot\": {\"name\": \"stolen\"}}").when().put("/v3/snapshots/" + snapshot)
                .then().statusCode(404);
        as(alt).when().delete("/v3/snapshots/" + snapshot).then().statusCode(404);

        // restore: neither demo's backup, nor alt's backup onto demo's volume
        as(alt).body("{\"restore\": {\"name\": \"stolen\"}}").when().post("/v3/backups/" + backup + "/restore")
                .then().statusCode(404).body("itemNotFound.message", equalTo("Backup " + backup + " could not be found."));
        as(alt).body("{\"restore\": {\"volume_id\": \"" + volume + "\"}}")
                .when().post("/v3/backups/" + altBackup + "/restore")
                .then().statusCode(404).body("itemNotFound.message", equalTo("Volume " + volume + " could not be found."));
        // nor a backup of demo's volume, nor of demo's snapshot
        as(alt).body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").when().post("/v3/backups")
                .then().statusCode(404).body("itemNotFound.message", equalTo("Volume " + volume + " could not be found."));
        as(alt).body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").when().post("/v3/snapshots")
                .then().statusCode(404);

        // lists: absent, and all_tenants is ignored for a member
        for (String query : new String[] { "", "?all_tenants=1", "?all_tenants=true&name=demo-backup" }) {
            for (String collection : new String[] { "/v3/backups", "/v3/backups/detail" }) {
                as(alt).when().get(collection + query)
                        .then().statusCode(200).body("backups.id", not(hasItem(backup)));
            }
            for (String collection : new String[] { "/v3/volumes", "/v3/volumes/detail" }) {
                as(alt).when().get(collection + query)
                        .then().statusCode(200).body("volumes.id", not(hasItem(volume)));
            }
            as(alt).when().get("/v3/snapshots" + query)
                    .then().statusCode(200).body("snapshots.id", not(hasItem(snapshot)));
        }
        as(alt).when().get("/v3/backups/detail").then().body("backups.id", hasItem(altBackup));

        // demo's own view is untouched, and an admin sees across projects only with all_tenants
        as(demo).when().get("/v3/backups/" + backup)
                .then().statusCode(200).body("backup.name", equalTo("demo-backup"));
        as(admin).when().get("/v3/backups/detail")
                .then().statusCode(200).body("backups.id", not(hasItem(backup)));
        as(admin).when().get("/v3/backups/detail?all_tenants=1")
                .then().statusCode(200).body("backups.id", hasItem(backup)).body("backups.id", hasItem(altBackup));
        as(admin).when().get("/v3/backups/" + backup).then().statusCode(200);

        as(demo).when().delete("/v3/snapshots/" + snapshot).then().statusCode(202);
        settle();
        deleteBackup(demo, backup);
        deleteBackup(alt, altBackup);
        deleteVolume(demo, volume);
        deleteVolume(alt, altVolume);
    }

    @Test
    void membersGetCindersPolicyRefusalsForAdminOperations() {
        String volume = volume(demo, "policy-volume", 1);
        String backup = backup(demo, volume, "policy-backup");

        as(demo).body("{\"os-reset_status\": {\"status\": \"error\"}}").when().post("/v3/backups/" + backup + "/action")
                .then().statusCode(403)
                .body("forbidden.code", equalTo(403))
                .body("forbidden.message", equalTo(
                        "Policy doesn't allow volume_extension:backup_admin_actions:reset_status to be performed."));
        as(demo).body("{\"os-force_delete\": {}}").when().post("/v3/backups/" + backup + "/action")
                .then().statusCode(403)
                .body("forbidden.message", equalTo(
                        "Policy doesn't allow volume_extension:backup_admin_actions:force_delete to be performed."));
        as(demo).when().get("/v3/backups/" + backup + "/export_record")
                .then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow backup:export-import to be performed."));
        as(demo).body("{\"backup-record\": {\"backup_service\": \"cinder.backup.drivers.swift.SwiftBackupDriver\", "
                + "\"backup_url\": \"eyJ9\"}}")
                .when().post("/v3/backups/import_record")
                .then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow backup:backup-import to be performed."));
        // the backup is still there and untouched
        as(demo).when().get("/v3/backups/" + backup).then().statusCode(200).body("backup.status", equalTo("available"));

        // what is refused to members works for the admin, on demo's backup
        String record = as(admin).when().get("/v3/backups/" + backup + "/export_record")
                .then().statusCode(200)
                .body("backup-record.backup_service", startsWith("cinder.backup.drivers"))
                .extract().path("backup-record.backup_url");
        as(admin).body("{\"os-reset_status\": {\"status\": \"error\"}}")
                .when().post("/v3/backups/" + backup + "/action").then().statusCode(202);
        as(demo).when().get("/v3/backups/" + backup).then().body("backup.status", equalTo("error"));
        as(admin).body("{\"os-force_delete\": {}}").when().post("/v3/backups/" + backup + "/action")
                .then().statusCode(202);
        settle();
        as(demo).when().get("/v3/backups/" + backup).then().statusCode(404);
        String imported = as(admin).body("{\"backup-record\": {\"backup_service\": "
                + "\"cinder.backup.drivers.swift.SwiftBackupDriver\", \"backup_url\": \"" + record + "\"}}")
                .when().post("/v3/backups/import_record")
                .then().statusCode(201).extract().path("backup.id");
        settle();
        // imported into the admin's project, out of demo's sight
        as(demo).when().get("/v3/backups/" + imported).then().statusCode(404);
        as(admin).when().get("/v3/backups/" + imported).then().statusCode(200).body("backup.status", equalTo("available"));
        deleteBackup(admin, imported);
        deleteVolume(demo, volume);
    }

    @Test
    void onlyAdminsSeeWhoOwnsABackup() {
        String volume = volume(demo, "owner-volume", 1);
        String backup = backup(demo, volume, "owner-backup");
        String demoProject = projectId(admin, "demo");

        as(admin, "3.17").when().get("/v3/backups/" + backup)
                .then().statusCode(200).body("backup", not(hasKey("os-backup-project-attr:project_id")));
        as(admin, "3.18").when().get("/v3/backups/" + backup)
                .then().statusCode(200)
                .body("backup.'os-backup-project-attr:project_id'", equalTo(demoProject))
                .body("backup", not(hasKey("user_id")));
        String demoUser = as(admin, "3.56").when().get("/v3/backups/" + backup)
                .then().statusCode(200)
                .body("backup.'os-backup-project-attr:project_id'", equalTo(demoProject))
                .extract().path("backup.user_id");
        keystone().header("X-Auth-Token", admin).when().get("/v3/users/" + demoUser)
                .then().statusCode(200).body("user.name", equalTo("demo"));
        as(admin, "3.56").when().get("/v3/backups/detail?all_tenants=1&name=owner-backup")
                .then().statusCode(200)
                .body("backups.id", equalTo(List.of(backup)))
                .body("backups[0].'os-backup-project-attr:project_id'", equalTo(demoProject))
                .body("backups[0].user_id", equalTo(demoUser));

        as(demo, "3.56").when().get("/v3/backups/" + backup)
                .then().statusCode(200)
                .body("backup", not(hasKey("os-backup-project-attr:project_id")))
                .body("backup", not(hasKey("user_id")));
        as(demo, "3.56").when().get("/v3/backups/detail?name=owner-backup")
                .then().statusCode(200)
                .body("backups.id", equalTo(List.of(backup)))
                .body("backups[0]", not(hasKey("os-backup-project-attr:project_id")))
                .body("backups[0]", not(hasKey("user_id")));

        deleteBackup(demo, backup);
        deleteVolume(demo, volume);
    }

    @ParameterizedTest
    @ValueSource(strings = { "backups", "backups/detail", "volumes", "snapshots" })
    void aTokenForOneProjectIsRefusedUnderAnothersUrl(String collection) {
        String demoProject = projectId(admin, "demo");
        String altProject = projectId(admin, "alt_demo");

        as(demo).when().get("/v3/" + demoProject + "/" + collection).then().statusCode(200);
        as(demo).when().get("/v3/" + altProject + "/" + collection)
                .then().statusCode(400)
                .body("badRequest.code", equalTo(400))
                .body("badRequest.message", equalTo("Malformed request url"));
        // an admin token is bound to its project too
        as(admin).when().get("/v3/" + demoProject + "/" + collection)
                .then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request url"));
    }

    @Test
    void expiredAndRevokedTokensGetUnauthorizedOnCinderRoutes() {
        String volume = volume(demo, "expiry-volume", 1);
        String revoked = login("demo", "demo");
        as(revoked).when().get("/v3/volumes/" + volume).then().statusCode(200);
        keystone().header("X-Auth-Token", revoked).header("X-Subject-Token", revoked)
                .when().delete("/v3/auth/tokens")
                .then().statusCode(204);
        for (String path : new String[] { "/v3/volumes/" + volume, "/v3/backups/detail", "/v3/snapshots" }) {
            cinder().header("X-Auth-Token", revoked).when().get(path)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Keystone uri="))
                    .body("error.code", equalTo(401))
                    .body("error.message", equalTo(UNAUTHORIZED_BODY));
        }
        cinder().header("X-Auth-Token", revoked).contentType(ContentType.JSON)
                .body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}")
                .when().post("/v3/backups")
                .then().statusCode(401);

        String fresh = login("demo", "demo");
        clock.advance(Duration.ofMinutes(59));
        as(fresh).when().get("/v3/backups/detail").then().statusCode(200);
        clock.advance(Duration.ofMinutes(2));
        cinder().header("X-Auth-Token", fresh).when().get("/v3/backups/detail")
                .then().statusCode(401).body("error.message", equalTo(UNAUTHORIZED_BODY));
        cinder().header("X-Auth-Token", fresh).when().delete("/v3/volumes/" + volume)
                .then().statusCode(401);

        deleteVolume(login("demo", "demo"), volume);
    }

    @Test
    void quotasAndNamesArePerProject() {
        // 600 + 600 GiB fits only because each project has its own 1000 GiB
        String big = volume(demo, "same-name", 600);
        String altBig = volume(alt, "same-name", 600);
        as(demo).body("{\"volume\": {\"size\": 600, \"name\": \"one-too-many\"}}")
                .when().post("/v3/volumes")
                .then().statusCode(413)
                .body("overLimit.message", startsWith("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 600G, quota is 1000G"));

        // the same name in two projects: each sees its own
        String backup = backup(demo, big, "same-name");
        String altBackup = backup(alt, altBig, "same-name");
        as(demo).when().get("/v3/backups?name=same-name")
                .then().statusCode(200).body("backups.id", equalTo(List.of(backup)));
        as(alt).when().get("/v3/backups?all_tenants=1&name=same-name")
                .then().statusCode(200).body("backups.id", equalTo(List.of(altBackup)));
        as(demo).when().get("/v3/volumes?name=same-name")
                .then().statusCode(200).body("volumes.id", equalTo(List.of(big)));
        as(alt).when().get("/v3/volumes?name=same-name")
                .then().statusCode(200).body("volumes.id", equalTo(List.of(altBig)));

        deleteBackup(demo, backup);
        deleteBackup(alt, altBackup);
        deleteVolume(demo, big);
        deleteVolume(alt, altBig);
    }
}
