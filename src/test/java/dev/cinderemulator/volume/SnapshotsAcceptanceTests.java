package dev.cinderemulator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * The snapshots API as Cinder answers it ({@code cinder/api/v3/snapshots.py}, {@code volume/api.py}
 * {@code create_snapshot_in_db} and {@code delete_snapshot}), and snapshots as backup sources.
 */
class SnapshotsAcceptanceTests extends AcceptanceTestSupport {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    private static final String NOT_DELETABLE = "Invalid snapshot: Snapshot status must be available or error and "
            + "must not be part of a group.";

    @Test
    void aNewSnapshotIsCreatingThenAvailableAndSizedLikeItsVolume() {
        String volume = createVolume(3);
        String snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"name\": \" nightly \","
                + " \"description\": \"before upgrade\", \"metadata\": {\"k\": \"v\"}}}").post("/v3/snapshots").then()
                .statusCode(202)
                .body("snapshot.status", equalTo("creating"))
                .body("snapshot.size", equalTo(3))
                .body("snapshot.volume_id", equalTo(volume))
                .body("snapshot.name", equalTo("nightly"))
                .body("snapshot.description", equalTo("before upgrade"))
                .body("snapshot.metadata", equalTo(Map.of("k", "v")))
                .body("snapshot.created_at", matchesPattern(TIMESTAMP))
                .body("snapshot", hasKey("updated_at")).body("snapshot.updated_at", nullValue())
                .body("snapshot", not(hasKey("os-extended-snapshot-attributes:progress")))
                .extract().path("snapshot.id");
        cinder().get("/v3/snapshots/{id}", snapshot).then().statusCode(200)
                .body("snapshot.status", equalTo("creating"))
                .body("snapshot.'os-extended-snapshot-attributes:progress'", equalTo("0%"))
                .body("snapshot.'os-extended-snapshot-attributes:project_id'", equalTo(project));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
        settle();

        cinder().get("/v3/snapshots/{id}", snapshot).then().statusCode(200)
                .body("snapshot.status", equalTo("available"))
                .body("snapshot.updated_at", matchesPattern(TIMESTAMP))
                .body("snapshot.'os-extended-snapshot-attributes:progress'", equalTo("100%"));
        String unknown = UUID.randomUUID().toString();
        cinder().get("/v3/snapshots/{id}", unknown).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + unknown + " could not be found."));
    }

    @Test
    void onlyAnAvailableVolumeIsSnapshottedUnlessInUseIsAllowed() {
        String volume = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().extract()
                .path("volume.id");
        cinder().body(snapshotOf(volume, "")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + volume + " status must be available, "
                        + "but current status is: creating."));
        settle();

        createBackup(volume, "");
        cinder().body(snapshotOf(volume, "")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + volume + " status must be available, "
                        + "but current status is: backing-up."));
        // force (and, from 3.66, the request itself) also admits in-use volumes, which changes the text.
        cinder().body(snapshotOf(volume, ", \"force\": \"True\"")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + volume + " status must be available, "
                        + "in-use, but current status is: backing-up."));
        at("3.66").body(snapshotOf(volume, "")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + volume + " status must be available, "
                        + "in-use, but current status is: backing-up."));
        settle();

        at("3.66").body(snapshotOf(volume, ", \"force\": false")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Since microversion 3.66 the 'force' flag is invalid for this "
                        + "request.  For backward compatability, however, when the 'force' flag is passed with a "
                        + "value evaluating to True, it is silently ignored."));
        at("3.66").body(snapshotOf(volume, ", \"force\": true")).post("/v3/snapshots").then().statusCode(202);

        resetStatus(volume, "error");
        cinder().body(snapshotOf(volume, "")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: The snapshot cannot be created when the volume "
                        + "is in error status."));
        resetStatus(volume, "maintenance");
        cinder().body(snapshotOf(volume, ", \"force\": true")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: The snapshot cannot be created when the volume "
                        + "is in maintenance mode."));
    }

    @Test
    void createRequestsAreValidatedWithCindersTexts() {
        String volume = createVolume(1);
        malformed().body("{\"snapshot\": {\"name\": \"x\"}}").post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute snapshot. Value: {'name': 'x'}. "
                        + "'volume_id' is a required property"));
        malformed().body("{\"snapshot\": {\"volume_id\": null}}").post("/v3/snapshots").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume None could not be found."));
        cinder().body("{\"snapshot\": {\"volume_id\": \"nope\"}}").post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute volume_id. Value: nope. 'nope' "
                        + "is not valid under any of the given schemas"));
        cinder().body(snapshotOf(volume, ", \"size\": 1")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute snapshot. Value: {'volume_id': '"
                        + volume + "', 'size': 1}. Additional properties are not allowed ('size' was unexpected)"));
        cinder().body(snapshotOf(volume, ", \"force\": \"maybe\"")).post("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute force. Value: maybe. 'maybe' is "
                        + "not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', "
                        + "'t', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', "
                        + "'f']"));
        String longName = "n".repeat(256);
        cinder().body(snapshotOf(volume, ", \"name\": \"" + longName + "\"")).post("/v3/snapshots").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute name. Value: "
                        + longName + ". '" + longName + "' is too long"));
        cinder().body(snapshotOf(volume, ", \"description\": \"tab\\there\"")).post("/v3/snapshots").then()
                .statusCode(400).body("badRequest.message", containsString("Invalid input for field/attribute "
                        + "description. Value: tab\there. 'tab\\there' does not match '^["));
        String unknown = UUID.randomUUID().toString();
        cinder().body(snapshotOf(unknown, "")).post("/v3/snapshots").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + unknown + " could not be found."));
        cinder().body(snapshotOf(volume, ", \"display_name\": \"legacy\"")).post("/v3/snapshots").then()
                .statusCode(202).body("snapshot.name", equalTo("legacy"));
    }

    @Test
    void quotasCountSnapshotsAndTheirGigabytes() {
        String big = createVolume(600);
        cinder().body(snapshotOf(big, "")).post("/v3/snapshots").then().statusCode(413)
                .header("Retry-After", "0").body("overLimit.retryAfter", equalTo("0"))
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 600G, quota is 1000G and 600G has been "
                        + "consumed."));
        String small = createVolume(1);
        for (int i = 0; i < 10; i++) {
            cinder().body(snapshotOf(small, "")).post("/v3/snapshots").then().statusCode(202);
        }
        cinder().body(snapshotOf(small, "")).post("/v3/snapshots").then().statusCode(413)
                .header("Retry-After", "0")
                .body("overLimit.message", equalTo("SnapshotLimitExceeded: Maximum number of snapshots allowed (10) "
                        + "exceeded"));
        // Snapshot gigabytes count against new volumes too: 600 + 1 + 10 of 1000 are taken.
        cinder().body("{\"volume\": {\"size\": 390}}").post("/v3/volumes").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 390G, quota is 1000G and 611G has been "
                        + "consumed."));
    }

    @Test
    void listsShowTheSameFieldsAndDetailAddsTheExtension() {
        String first = createVolume(1);
        String second = createVolume(2);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String name : List.of("b", "a", "c")) {
            String volume = name.equals("c") ? second : first;
            ids.put(name, cinder().body(snapshotOf(volume, ", \"name\": \"" + name + "\", \"metadata\": {\"n\": \""
                    + name + "\"}")).post("/v3/snapshots").then().statusCode(202).extract().path("snapshot.id"));
            clock.advance(Duration.ofSeconds(1));
        }
        settle();

        List<Map<String, Object>> summaries = cinder().get("/v3/snapshots").then().statusCode(200)
                .body("snapshots.name", equalTo(List.of("c", "a", "b"))).body("$", not(hasKey("snapshots_links")))
                .extract().path("snapshots");
        assertThat(summaries.get(0)).containsOnlyKeys("id", "created_at", "updated_at", "name", "description",
                "volume_id", "status", "size", "metadata");
        cinder().get("/v3/snapshots/detail").then().statusCode(200)
                .body("snapshots[0].'os-extended-snapshot-attributes:progress'", equalTo("100%"))
                .body("snapshots[0].'os-extended-snapshot-attributes:project_id'", equalTo(project));

        // Sorting by name needs 3.30.
        cinder().queryParam("sort", "name:asc").get("/v3/snapshots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Invalid sort key"));
        at("3.30").queryParam("sort", "name:asc").get("/v3/snapshots").then()
                .body("snapshots.name", equalTo(List.of("a", "b", "c")));

        String next = cinder().queryParam("limit", 2).get("/v3/snapshots/detail").then()
                .body("snapshots.name", equalTo(List.of("c", "a"))).extract().path("snapshots_links[0].href");
        assertThat(next).isEqualTo("http://localhost:" + port + "/v3/snapshots/detail?limit=2&marker=" + ids.get("a"));
        cinder().queryParam("limit", 2).queryParam("marker", ids.get("a")).get("/v3/snapshots").then()
                .body("snapshots.name", equalTo(List.of("b"))).body("$", not(hasKey("snapshots_links")));
        at("3.45").queryParam("with_count", "1").queryParam("limit", 1).get("/v3/snapshots").then()
                .body("count", equalTo(3)).body("snapshots.size()", equalTo(1))
                .body("snapshots_links[0].href", containsString("/v3/snapshots?with_count=1&limit=1&marker="));
        String marker = UUID.randomUUID().toString();
        cinder().queryParam("marker", marker).get("/v3/snapshots").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + marker + " could not be found."));
    }

    @Test
    void listsFilterLikeCinder() {
        String first = createVolume(1);
        String second = createVolume(2);
        String a = cinder().body(snapshotOf(first, ", \"name\": \"a\", \"metadata\": {\"n\": \"a\"}"))
                .post("/v3/snapshots").then().extract().path("snapshot.id");
        String c = cinder().body(snapshotOf(second, ", \"name\": \"c\"")).post("/v3/snapshots").then().extract()
                .path("snapshot.id");
        settle();

        cinder().queryParam("volume_id", second).get("/v3/snapshots").then().body("snapshots.id", equalTo(List.of(c)));
        cinder().queryParam("name", "a").get("/v3/snapshots").then().body("snapshots.id", equalTo(List.of(a)));
        cinder().queryParam("status", "available").get("/v3/snapshots").then().body("snapshots.size()", equalTo(2));
        cinder().queryParam("status", "creating").get("/v3/snapshots").then().body("snapshots", empty());
        // The column is volume_size: 'size' is not a snapshot attribute.
        cinder().queryParam("volume_size", "2").get("/v3/snapshots").then().body("snapshots.id", equalTo(List.of(c)));
        cinder().queryParam("size", "2").get("/v3/snapshots").then().body("snapshots", empty());
        // A metadata filter exists from 3.22; before, it is dropped.
        at("3.22").queryParam("metadata", "{'n': 'a'}").get("/v3/snapshots").then()
                .body("snapshots.id", equalTo(List.of(a)));
        cinder().queryParam("metadata", "{'n': 'a'}").get("/v3/snapshots").then().body("snapshots.size()", equalTo(2));
        // The zone is the volume's.
        cinder().queryParam("availability_zone", "nova").get("/v3/snapshots").then()
                .body("snapshots.size()", equalTo(2));
        cinder().queryParam("availability_zone", "elsewhere").get("/v3/snapshots").then().body("snapshots", empty());
        // all_tenants is read leniently here: a bad value means "my project".
        cinder().queryParam("all_tenants", "perhaps").get("/v3/snapshots").then().statusCode(200)
                .body("snapshots.size()", equalTo(2));
    }

    @Test
    void updateChangesNameAndDescription() {
        String snapshot = createSnapshot(createVolume(1));
        settle();
        cinder().body("{\"snapshot\": {\"name\": \" renamed \", \"display_description\": \"why\"}}")
                .put("/v3/snapshots/{id}", snapshot).then().statusCode(200)
                .body("snapshot.name", equalTo("renamed"))
                .body("snapshot.description", equalTo("why"))
                .body("snapshot.updated_at", matchesPattern(TIMESTAMP))
                .body("snapshot", not(hasKey("os-extended-snapshot-attributes:progress")));
        cinder().body("{\"snapshot\": {\"description\": null}}").put("/v3/snapshots/{id}", snapshot).then()
                .statusCode(200).body("snapshot.description", nullValue()).body("snapshot.name", equalTo("renamed"));
        cinder().body("{\"snapshot\": {}}").put("/v3/snapshots/{id}", snapshot).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute snapshot. Value: {}. {} is not "
                        + "valid under any of the given schemas"));
        cinder().body("{\"snapshot\": {\"name\": \"x\", \"metadata\": {}}}").put("/v3/snapshots/{id}", snapshot).then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute snapshot. "
                        + "Value: {'name': 'x', 'metadata': {}}. Additional properties are not allowed ('metadata' "
                        + "was unexpected)"));
        cinder().body("{\"snapshot\": {\"name\": \"x\"}}").put("/v3/snapshots/{id}", "gone").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot gone could not be found."));
    }

    @Test
    void deleteOnlyFromAvailableOrErrorThenGone() {
        String snapshot = createSnapshot(createVolume(1));
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();

        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(202);
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("deleting"));
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();
        cinder().get("/v3/snapshots/{id}", snapshot).then().statusCode(404);
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + snapshot + " could not be found."));
    }

    @Test
    void fieldsFollowTheMicroversion() {
        String snapshot = createSnapshot(createVolume(1));
        Map<String, Object> base = cinder().get("/v3/snapshots/{id}", snapshot).then().extract().path("snapshot");
        assertThat(base).doesNotContainKeys("group_snapshot_id", "user_id", "consumes_quota");
        at("3.14").get("/v3/snapshots/{id}", snapshot).then().body("snapshot", hasKey("group_snapshot_id"))
                .body("snapshot.group_snapshot_id", nullValue()).body("snapshot", not(hasKey("user_id")));
        at("3.41").get("/v3/snapshots/{id}", snapshot).then().body("snapshot.user_id", equalTo("admin"))
                .body("snapshot", not(hasKey("consumes_quota")));
        at("3.65").body(snapshotOf(createVolume(1), "")).post("/v3/snapshots").then().statusCode(202)
                .body("snapshot.consumes_quota", equalTo(true)).body("snapshot.user_id", equalTo("admin"))
                .body("snapshot", hasKey("group_snapshot_id"));
    }

    @Test
    void aSnapshotBackupHoldsTheSnapshotNotTheVolume() {
        String volume = createVolume(1);
        String snapshot = createSnapshot(volume);
        cinder().body("{\"backup\": {\"volume_id\": \"" + volume + "\", \"snapshot_id\": \"" + snapshot + "\"}}")
                .post("/v3/backups").then().statusCode(400).body("badRequest.message", equalTo("Invalid snapshot: "
                        + "Snapshot to be backed up must be available, but the current status is \"creating\"."));
        String snapshotCreatedAt = cinder().get("/v3/snapshots/{id}", snapshot).path("snapshot.created_at");
        clock.advance(Duration.ofSeconds(30));
        settle();

        String backup = createBackup(volume, ", \"snapshot_id\": \"" + snapshot + "\"");
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("backing-up"));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
        cinder().get("/v3/backups/{id}", backup).then().body("backup.snapshot_id", equalTo(snapshot))
                .body("backup.data_timestamp", equalTo(snapshotCreatedAt))
                .body("backup.created_at", not(equalTo(snapshotCreatedAt)));
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        // The volume is free: another snapshot of it is fine.
        createSnapshot(volume);
        settle();

        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("available"));
        cinder().get("/v3/backups/{id}", backup).then().body("backup.status", equalTo("available"));
        cinder().delete("/v3/snapshots/{id}", snapshot).then().statusCode(202);
    }

    @Test
    void aSnapshotBackupMustNameTheSnapshotsVolume() {
        String volume = createVolume(1);
        String snapshot = createSnapshot(volume);
        settle();
        String other = createVolume(1);
        cinder().body("{\"backup\": {\"volume_id\": \"" + other + "\", \"snapshot_id\": \"" + snapshot + "\"}}")
                .post("/v3/backups").then().statusCode(400).body("badRequest.message", equalTo("Invalid volume: "
                        + "Volume " + other + " does not match with snapshot.volume_id " + volume + "."));
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("available"));
        cinder().get("/v3/volumes/{id}", other).then().body("volume.status", equalTo("available"));
    }

    private String createSnapshot(String volume) {
        return cinder().body(snapshotOf(volume, "")).post("/v3/snapshots").then().statusCode(202).extract()
                .path("snapshot.id");
    }

    private static String snapshotOf(String volume, String extra) {
        return "{\"snapshot\": {\"volume_id\": \"" + volume + "\"" + extra + "}}";
    }

    private void resetStatus(String volume, String status) {
        cinder().body("{\"os-reset_status\": {\"status\": \"" + status + "\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(202);
    }
}
