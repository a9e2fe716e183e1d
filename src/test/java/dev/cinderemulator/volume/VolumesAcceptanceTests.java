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
 * The volumes API as Cinder answers it ({@code cinder/api/v3/volumes.py}, {@code volume/api.py},
 * the create flow, {@code contrib/admin_actions.py}), over HTTP and against the contract.
 */
class VolumesAcceptanceTests extends AcceptanceTestSupport {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    private static final String WEBOB_BAD_REQUEST = "The server could not comply with the request since it is "
            + "either malformed or otherwise incorrect.";
    private static final String NOT_DELETABLE = "Invalid volume: Volume status must be available or error or "
            + "error_restoring or error_extending or error_managing and must not be migrating, attached, belong to "
            + "a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume "
            + "transfer.";

    @Test
    void aNewVolumeIsCreatingUntilTheVolumeServiceHasMadeIt() {
        String id = cinder().body("{\"volume\": {\"size\": 2, \"name\": \"  data  \", \"description\": \"logs\","
                + " \"metadata\": {\"tier\": \"gold\"}}}").post("/v3/volumes").then().statusCode(202)
                .body("volume.status", equalTo("creating"))
                .body("volume.size", equalTo(2))
                .body("volume.name", equalTo("data"))
                .body("volume.description", equalTo("logs"))
                .body("volume.metadata", equalTo(Map.of("tier", "gold")))
                .body("volume.created_at", matchesPattern(TIMESTAMP))
                .body("volume", hasKey("updated_at")).body("volume.updated_at", nullValue())
                .body("volume.availability_zone", equalTo("nova"))
                .body("volume.volume_type", equalTo("__DEFAULT__"))
                .body("volume.bootable", equalTo("false"))
                .body("volume.encrypted", equalTo(false))
                .body("volume.multiattach", equalTo(false))
                .body("volume.attachments", empty())
                .body("volume.user_id", equalTo("admin"))
                .body("volume", hasKey("migration_status"))
                .body("volume", not(hasKey("os-vol-tenant-attr:tenant_id")))
                .body("volume", not(hasKey("os-vol-host-attr:host")))
                .extract().path("volume.id");

        cinder().get("/v3/volumes/{id}", id).then().statusCode(200)
                .body("volume.links[0].href", equalTo("http://localhost:" + port + "/v3/volumes/" + id))
                .body("volume.status", equalTo("creating"))
                .body("volume.'os-vol-tenant-attr:tenant_id'", equalTo(project))
                .body("volume.'os-vol-host-attr:host'", equalTo("emulator@lvm#lvm"))
                .body("volume", hasKey("os-vol-mig-status-attr:migstat"));
        settle();

        cinder().get("/v3/volumes/{id}", id).then().statusCode(200)
                .body("volume.status", equalTo("available"))
                .body("volume.updated_at", matchesPattern(TIMESTAMP));
    }

    @Test
    void sizeDefaultsToTheSnapshotsOrTheSourceVolumesAndMayNotBeSmaller() {
        String bootable = cinder().body("{\"volume\": {\"size\": 3, \"imageRef\": \"cirros\"}}").post("/v3/volumes")
                .then().statusCode(202).extract().path("volume.id");
        settle();
        String snapshot = createSnapshot(bootable);
        settle();

        cinder().body("{\"volume\": {\"snapshot_id\": \"" + snapshot + "\"}}").post("/v3/volumes").then()
                .statusCode(202).body("volume.size", equalTo(3)).body("volume.snapshot_id", equalTo(snapshot))
                .body("volume.bootable", equalTo("true"));
        cinder().body("{\"volume\": {\"source_volid\": \"" + bootable + "\", \"size\": \"4\"}}").post("/v3/volumes")
                .then().statusCode(202).body("volume.size", equalTo(4)).body("volume.source_volid", equalTo(bootable))
                .body("volume.bootable", equalTo("true"));

        cinder().body("{\"volume\": {\"snapshot_id\": \"" + snapshot + "\", \"size\": 2}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input received: Volume size '2'GB "
                        + "cannot be smaller than the snapshot size 3GB. They must be >= original snapshot size."));
        cinder().body("{\"volume\": {\"source_volid\": \"" + bootable + "\", \"size\": 1}}").post("/v3/volumes")
                .then().statusCode(400).body("badRequest.message", equalTo("Invalid input received: Volume size "
                        + "'1'GB cannot be smaller than original volume size  3GB. They must be >= original volume "
                        + "size."));
        cinder().body("{\"volume\": {\"snapshot_id\": \"" + snapshot + "\", \"source_volid\": \"" + bootable + "\"}}")
                .post("/v3/volumes").then().statusCode(400).body("badRequest.message", equalTo(
                        "Invalid input received: May specify only one of backup, imageRef, snapshot, source volume"));
    }

    @Test
    void sourcesMustBeReady() {
        String volume = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().extract()
                .path("volume.id");
        cinder().body("{\"volume\": {\"source_volid\": \"" + volume + "\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid volume: Originating source volume status "
                        + "must be one of 'available, in-use' values"));
        settle();
        String snapshot = createSnapshot(volume);
        cinder().body("{\"volume\": {\"snapshot_id\": \"" + snapshot + "\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message",
                        equalTo("Invalid snapshot: Originating snapshot status must be one of 'available' values"));
        String unknown = UUID.randomUUID().toString();
        cinder().body("{\"volume\": {\"snapshot_id\": \"" + unknown + "\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message", equalTo("Snapshot " + unknown + " could not be found."));
        cinder().body("{\"volume\": {\"source_volid\": \"" + unknown + "\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message", equalTo("Volume " + unknown + " could not be found."));
    }

    @Test
    void badSizesAreRefusedWithCindersTexts() {
        cinder().body("{\"volume\": {\"size\": 0}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1"));
        cinder().body("{\"volume\": {\"size\": \"0\"}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1"));
        cinder().body("{\"volume\": {\"size\": -1}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute size. Value: -1. -1 is less than the minimum of 1"));
        cinder().body("{\"volume\": {\"size\": \"ten\"}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute size. Value: ten. 'ten' does not match '^[0-9]+$'"));
        cinder().body("{\"volume\": {\"size\": 2147483648}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute size. Value: 2147483648. "
                        + "2147483648 is greater than the maximum of 2147483647"));
        malformed().body("{\"volume\": {\"size\": 1.5}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute size. Value: 1.5. "
                        + "1.5 is not of type 'integer', 'string', 'null'"));
        malformed().body("{\"volume\": {\"size\": 1.0}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute size. Value: 1.0. "
                        + "1.0 is not of type 'integer', 'string', 'null'"));
        cinder().body("{\"volume\": {\"size\": \"007\"}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Invalid volume size provided for create "
                        + "request: 007 (size argument must be an integer (or string representation of an integer) "
                        + "and greater than zero)."));
        cinder().body("{\"volume\": {\"name\": \"no size\"}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo(WEBOB_BAD_REQUEST));
        malformed().body("{\"volume\": {\"size\": null}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo(WEBOB_BAD_REQUEST));
        cinder().body("{\"volume\": {\"size\": \"7\"}}").post("/v3/volumes").then().statusCode(202)
                .body("volume.size", equalTo(7));
    }

    @Test
    void schemaAndLookupErrorsAreCindersToo() {
        cinder().body("{\"volume\": {\"size\": 1, \"name\": \"" + "n".repeat(256) + "\"}}").post("/v3/volumes").then()
                .statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: name has 256 characters, more than 255."));
        cinder().body("{\"volume\": {\"size\": 1, \"display_description\": \" " + "d".repeat(255) + " \"}}")
                .post("/v3/volumes").then().statusCode(202).body("volume.description", equalTo("d".repeat(255)));
        cinder().body("{\"volume\": {\"size\": 1, \"metadata\": {\"bad key!\": \"v\"}}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute metadata. "
                        + "Value: {'bad key!': 'v'}. 'bad key!' does not match any of the regexes: "
                        + "'^[a-zA-Z0-9-_:. /]{1,255}$'"));
        cinder().body("{\"volume\": {\"size\": 1, \"snapshot_id\": \"nope\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute snapshot_id. "
                        + "Value: nope. 'nope' is not valid under any of the given schemas"));
        malformed().body("{}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("'volume' is a required property"));
        malformed().body("{\"volume\": {\"size\": 1}, \"extra\": 1}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('extra' was unexpected)"));

        // Unknown properties pass until 3.53.
        cinder().body("{\"volume\": {\"size\": 1, \"colour\": \"red\"}}").post("/v3/volumes").then().statusCode(202);
        at("3.53").body("{\"volume\": {\"size\": 1, \"colour\": \"red\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute volume. "
                        + "Value: {'size': 1, 'colour': 'red'}. Additional properties are not allowed ('colour' was "
                        + "unexpected)"));

        cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"gold\"}}").post("/v3/volumes").then()
                .statusCode(404)
                .body("itemNotFound.message", equalTo("Volume type with name gold could not be found."));
        String type = UUID.randomUUID().toString();
        cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + type + "\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message", equalTo("Volume type " + type + " could not be found."));
        cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"__DEFAULT__\"}}").post("/v3/volumes").then()
                .statusCode(202);
        cinder().body("{\"volume\": {\"size\": 1, \"availability_zone\": \"elsewhere\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Availability zone 'elsewhere' is invalid."));
        String group = UUID.randomUUID().toString();
        at("3.13").body("{\"volume\": {\"size\": 1, \"group_id\": \"" + group + "\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message", equalTo("Group " + group + " could not be found."));
        cinder().body("{\"volume\": {\"size\": 1, \"consistencygroup_id\": \"" + group + "\"}}").post("/v3/volumes")
                .then().statusCode(404).body("itemNotFound.message", equalTo("Group " + group + " could not be found."));
    }

    @Test
    void theMultiattachParameterIsGone() {
        cinder().body("{\"volume\": {\"size\": 1, \"multiattach\": true}}").post("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("multiattach parameter has been removed. The default behavior is "
                        + "to use multiattach enabled volume types. Contact your administrator to create a "
                        + "multiattach enabled volume type and use it to create multiattach volumes."));
        cinder().body("{\"volume\": {\"size\": 1, \"multiattach\": \"maybe\"}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute multiattach. "
                        + "Value: maybe. 'maybe' is not valid under any of the given schemas"));
        malformed().body("{\"volume\": {\"size\": 1, \"multiattach\": null}}").post("/v3/volumes").then()
                .statusCode(400).body("badRequest.message", equalTo("Value 'None' for 'multiattach' is not a boolean."));
        cinder().body("{\"volume\": {\"size\": 1, \"multiattach\": \"no\"}}").post("/v3/volumes").then()
                .statusCode(202).body("volume.multiattach", equalTo(false));
    }

    @Test
    void quotasCountVolumesAndGigabytesAndAreGivenBackOnDelete() {
        cinder().body("{\"volume\": {\"size\": 1001}}").post("/v3/volumes").then().statusCode(413)
                .header("Retry-After", "0").body("overLimit.retryAfter", equalTo("0"))
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 1001G, quota is 1000G and 0G has been "
                        + "consumed."));
        String big = createVolume(600);
        cinder().body("{\"volume\": {\"size\": 401}}").post("/v3/volumes").then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                        + "exceeds allowed gigabytes quota. Requested 401G, quota is 1000G and 600G has been "
                        + "consumed."));
        cinder().delete("/v3/volumes/{id}", big).then().statusCode(202);
        settle();
        for (int i = 0; i < 10; i++) {
            cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202);
        }
        cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(413)
                .header("Retry-After", "0")
                .body("overLimit.message", equalTo("VolumeLimitExceeded: Maximum number of volumes allowed (10) "
                        + "exceeded for quota 'volumes'."));
    }

    @Test
    void listsPageSortAndCount() {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String name : List.of("b", "a", "c")) {
            ids.put(name, cinder().body("{\"volume\": {\"size\": 1, \"name\": \"" + name + "\"}}").post("/v3/volumes")
                    .then().statusCode(202).extract().path("volume.id"));
            clock.advance(Duration.ofSeconds(1));
        }
        settle();

        List<Map<String, Object>> summaries = cinder().get("/v3/volumes").then().statusCode(200)
                .body("$", not(hasKey("volumes_links"))).body("$", not(hasKey("count")))
                .body("volumes.name", equalTo(List.of("c", "a", "b"))).extract().path("volumes");
        assertThat(summaries.get(0)).containsOnlyKeys("id", "name", "links");
        cinder().queryParam("sort", "name:asc").get("/v3/volumes").then()
                .body("volumes.name", equalTo(List.of("a", "b", "c")));
        cinder().queryParam("sort_key", "size").queryParam("sort_dir", "asc").get("/v3/volumes").then()
                .body("volumes.name", equalTo(List.of("b", "a", "c")));
        cinder().queryParam("offset", 1).get("/v3/volumes").then().body("volumes.name", equalTo(List.of("a", "b")));

        String next = cinder().queryParam("limit", 2).get("/v3/" + project + "/volumes").then().statusCode(200)
                .body("volumes.name", equalTo(List.of("c", "a"))).body("volumes_links[0].rel", equalTo("next"))
                .extract().path("volumes_links[0].href");
        assertThat(next).isEqualTo("http://localhost:" + port + "/v3/" + project + "/volumes?limit=2&marker="
                + ids.get("a"));
        cinder().queryParam("limit", 2).queryParam("marker", ids.get("a")).get("/v3/volumes").then()
                .body("volumes.name", equalTo(List.of("b"))).body("$", not(hasKey("volumes_links")));

        at("3.45").queryParam("with_count", "true").queryParam("limit", 1).get("/v3/volumes/detail").then()
                .statusCode(200).body("count", equalTo(3)).body("volumes.size()", equalTo(1))
                .body("volumes[0].'os-vol-tenant-attr:tenant_id'", equalTo(project))
                .body("volumes_links[0].href", containsString("/v3/volumes/detail?with_count=true&limit=1&marker="));
        // Before 3.45 with_count is just an unknown filter, which matches nothing.
        cinder().queryParam("with_count", "true").get("/v3/volumes").then().statusCode(200)
                .body("volumes", empty()).body("$", not(hasKey("count")));

        String marker = UUID.randomUUID().toString();
        cinder().queryParam("marker", marker).get("/v3/volumes").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + marker + " could not be found."));
        cinder().queryParam("sort_key", "volume_type").get("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Invalid sort key"));
        cinder().queryParam("limit", "-1").get("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("limit param must be positive"));
        cinder().queryParam("all_tenants", "perhaps").get("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Value 'perhaps' for 'all_tenants' is not a boolean."));
    }

    @Test
    void listsFilterOnNameStatusBootableSizeAndMetadata() {
        String plain = cinder().body("{\"volume\": {\"size\": 1, \"name\": \"plain\", \"metadata\": {\"env\": "
                + "\"prod\", \"team\": \"db\"}}}").post("/v3/volumes").then().extract().path("volume.id");
        String image = cinder().body("{\"volume\": {\"size\": 2, \"name\": \"image\", \"imageRef\": \"cirros\", "
                + "\"metadata\": {\"env\": \"dev_1%\"}}}").post("/v3/volumes").then().extract().path("volume.id");
        settle();

        cinder().queryParam("name", "plain").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(plain)));
        cinder().queryParam("status", "available").get("/v3/volumes").then().body("volumes.size()", equalTo(2));
        cinder().queryParam("status", "creating").get("/v3/volumes").then().body("volumes", empty());
        cinder().queryParam("size", "2").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(image)));
        at("3.34").queryParam("name~", "lai").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(plain)));
        cinder().queryParam("frobnicate", "1").get("/v3/volumes").then().body("volumes", empty());

        at("3.2").queryParam("bootable", "TRUE").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(image)));
        at("3.2").queryParam("bootable", "0").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(plain)));
        at("3.2").queryParam("bootable", "maybe").get("/v3/volumes").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: 'bootable = maybe'"));
        // Before 3.2 anything but False/false/FALSE means true.
        cinder().queryParam("bootable", "0").get("/v3/volumes").then().body("volumes.id", equalTo(List.of(image)));
        cinder().queryParam("bootable", "false").get("/v3/volumes").then()
                .body("volumes.id", equalTo(List.of(plain)));

        cinder().queryParam("metadata", "{'env': 'prod'}").get("/v3/volumes").then()
                .body("volumes.id", equalTo(List.of(plain)));
        cinder().queryParam("metadata", "{\"env\": \"prod\", \"team\": \"db\"}").get("/v3/volumes").then()
                .body("volumes.id", equalTo(List.of(plain)));
        cinder().queryParam("metadata", "{'env': 'prod', 'team': 'web'}").get("/v3/volumes").then()
                .body("volumes", empty());
        cinder().queryParam("metadata", "{'env': 'dev_1%'}").get("/v3/volumes").then()
                .body("volumes.id", equalTo(List.of(image)));
        cinder().queryParam("metadata", "{'env': 'dev__%'}").get("/v3/volumes").then().body("volumes", empty());
        cinder().queryParam("metadata", "env=prod").get("/v3/volumes").then().body("volumes", empty());
    }

    @Test
    void showFindsOnlyWhatExists() {
        String volume = createVolume(1);
        cinder().get("/v3/" + project + "/volumes/{id}", volume).then().statusCode(200)
                .body("volume.id", equalTo(volume)).body("volume.links[1].rel", equalTo("bookmark"))
                .body("volume.links[1].href", equalTo("http://localhost:" + port + "/" + project + "/volumes/"
                        + volume));
        cinder().get("/v3/volumes/{id}", "not-a-uuid").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume not-a-uuid could not be found."));
    }

    @Test
    void updateChangesNameDescriptionAndReplacesMetadata() {
        String volume = cinder().body("{\"volume\": {\"size\": 1, \"name\": \"old\", \"description\": \"kept\","
                + " \"metadata\": {\"a\": \"1\"}}}").post("/v3/volumes").then().extract().path("volume.id");
        settle();

        cinder().body("{\"volume\": {\"name\": \" new \", \"metadata\": {\"b\": \"2\"}}}").put("/v3/volumes/{id}", volume)
                .then().statusCode(200)
                .body("volume.name", equalTo("new"))
                .body("volume.description", equalTo("kept"))
                .body("volume.metadata", equalTo(Map.of("b", "2")))
                .body("volume.status", equalTo("available"))
                .body("volume", not(hasKey("os-vol-tenant-attr:tenant_id")));
        cinder().body("{\"volume\": {\"display_description\": null}}").put("/v3/volumes/{id}", volume).then()
                .statusCode(200).body("volume.description", nullValue()).body("volume.name", equalTo("new"));
        String touched = cinder().get("/v3/volumes/{id}", volume).path("volume.updated_at");
        clock.advance(Duration.ofSeconds(5));
        cinder().body("{\"volume\": {}}").put("/v3/volumes/{id}", volume).then().statusCode(200)
                .body("volume.updated_at", equalTo(touched));

        at("3.53").body("{\"volume\": {}}").put("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute volume. Value: {}. {} is not "
                        + "valid under any of the given schemas"));
        cinder().body("{\"volume\": {\"size\": 2}}").put("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute volume. Value: {'size': 2}. "
                        + "Additional properties are not allowed ('size' was unexpected)"));
        malformed().body("{\"volume\": {\"metadata\": null}}").put("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute metadata. Value: None. None is "
                        + "not of type 'object'"));
        cinder().body("{\"volume\": {\"name\": \"x\"}}").put("/v3/volumes/{id}", "missing").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume missing could not be found."));

        resetStatus(volume, "maintenance");
        cinder().body("{\"volume\": {\"name\": \"x\"}}").put("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: The volume cannot be updated during maintenance."));
    }

    @Test
    void deleteGoesThroughDeletingAndOnlyFromCindersStatuses() {
        String creating = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().extract()
                .path("volume.id");
        cinder().delete("/v3/volumes/{id}", creating).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();

        cinder().delete("/v3/volumes/{id}", creating).then().statusCode(202);
        cinder().get("/v3/volumes/{id}", creating).then().body("volume.status", equalTo("deleting"));
        cinder().delete("/v3/volumes/{id}", creating).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();
        cinder().get("/v3/volumes/{id}", creating).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + creating + " could not be found."));

        String failed = createVolume(1);
        resetStatus(failed, "error_restoring");
        cinder().delete("/v3/volumes/{id}", failed).then().statusCode(202);
        cinder().queryParam("cascade", "maybe").delete("/v3/volumes/{id}", failed).then().statusCode(400)
                .body("badRequest.message", equalTo("Value 'maybe' for 'cascade' is not a boolean."));
        cinder().delete("/v3/volumes/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void snapshotsBlockTheDeleteUnlessItCascades() {
        String volume = createVolume(1);
        String snapshot = createSnapshot(volume);
        cinder().delete("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        // With cascade, every snapshot must be available or error.
        cinder().queryParam("cascade", "true").delete("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();

        cinder().queryParam("cascade", "true").delete("/v3/volumes/{id}", volume).then().statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("deleting"));
        cinder().get("/v3/snapshots/{id}", snapshot).then().body("snapshot.status", equalTo("deleting"));
        settle();
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(404);
        cinder().get("/v3/snapshots/{id}", snapshot).then().statusCode(404);
    }

    @Test
    void forceSkipsTheStatusCheckFromThreeTwentyThree() {
        String volume = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().extract()
                .path("volume.id");
        cinder().queryParam("force", "true").delete("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        at("3.23").queryParam("force", "maybe").delete("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Value 'maybe' for 'force' is not a boolean."));
        at("3.23").queryParam("force", "true").delete("/v3/volumes/{id}", volume).then().statusCode(202);
        settle();
        cinder().get("/v3/volumes/{id}", volume).then().statusCode(404);

        String withSnapshot = createVolume(1);
        createSnapshot(withSnapshot);
        // Forced, the status drops out of Cinder's message, leaving a double space.
        at("3.23").queryParam("force", "true").delete("/v3/volumes/{id}", withSnapshot).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume  must not be migrating, attached, belong "
                        + "to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after "
                        + "volume transfer."));
        at("3.23").queryParam("force", "true").queryParam("cascade", "1").delete("/v3/volumes/{id}", withSnapshot)
                .then().statusCode(202);
    }

    @Test
    void volumesBusyWithABackupCannotBeDeleted() {
        String volume = createVolume(1);
        String backup = createBackup(volume, "");
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("backing-up"));
        cinder().delete("/v3/volumes/{id}", volume).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();

        String target = createVolume(1);
        cinder().body("{\"restore\": {\"volume_id\": \"" + target + "\"}}").post("/v3/backups/{id}/restore", backup)
                .then().statusCode(202);
        cinder().get("/v3/volumes/{id}", target).then().body("volume.status", equalTo("restoring-backup"));
        cinder().delete("/v3/volumes/{id}", target).then().statusCode(400)
                .body("badRequest.message", equalTo(NOT_DELETABLE));
        settle();
        cinder().delete("/v3/volumes/{id}", target).then().statusCode(202);
        // Deleting a volume leaves its backups alone.
        cinder().delete("/v3/volumes/{id}", volume).then().statusCode(202);
        settle();
        cinder().get("/v3/backups/{id}", backup).then().statusCode(200).body("backup.status", equalTo("available"));
    }

    @Test
    void resetStatusSetsAnyCinderStatusButDeletingAndInUse() {
        String volume = createVolume(1);
        cinder().body("{\"os-reset_status\": {\"status\": \"Error\"}}").post("/v3/volumes/{id}/action", volume).then()
                .statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("error"));
        // The refusal list in Cinder glues 'error_deleting' to 'detaching', so both pass.
        resetStatus(volume, "error_deleting");
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("error_deleting"));

        cinder().body("{\"os-reset_status\": {\"status\": \"deleting\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(400).body("badRequest.message", equalTo("Cannot reset-state to deleting"));
        cinder().body("{\"os-reset_status\": {\"status\": \"in-use\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(400).body("badRequest.message",
                        equalTo("Cannot reset-state to in-use because volume does not have any attachments."));
        cinder().body("{\"os-reset_status\": {\"status\": \"Bogus\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(400).body("badRequest.message", equalTo("Volume status: Bogus is invalid, valid "
                        + "statuses are: ('creating', 'available', 'deleting', 'error', 'error_deleting', "
                        + "'error_managing', 'managing', 'attaching', 'in-use', 'detaching', 'maintenance', "
                        + "'restoring-backup', 'error_restoring', 'reserved', 'awaiting-transfer', 'backing-up', "
                        + "'error_backing-up', 'error_extending', 'downloading', 'uploading', 'retyping', "
                        + "'extending')."));
        cinder().body("{\"os-reset_status\": {\"attach_status\": \"glued\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(400).body("badRequest.message", equalTo("Volume attach status: glued is invalid, "
                        + "valid statuses are: ['attached', 'detached']."));
        cinder().body("{\"os-reset_status\": {\"migration_status\": \"lost\"}}").post("/v3/volumes/{id}/action",
                volume).then().statusCode(400).body("badRequest.message", equalTo("Volume migration status: lost is "
                        + "invalid, valid statuses are: ('migrating', 'error', 'success', 'completing', 'none', "
                        + "'starting')."));
        cinder().body("{\"os-reset_status\": {}}").post("/v3/volumes/{id}/action", volume).then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Must specify 'status', 'attach_status' or 'migration_status' for update."));
        cinder().body("{\"os-reset_status\": {\"status\": \"available\", \"x\": 1}}")
                .post("/v3/volumes/{id}/action", volume).then().statusCode(400).body("badRequest.message", equalTo(
                        "Invalid input for field/attribute os-reset_status. Value: {'status': 'available', 'x': 1}. "
                                + "Additional properties are not allowed ('x' was unexpected)"));
        cinder().body("{\"os-reset_status\": {\"status\": \"available\"}}").post("/v3/volumes/{id}/action", "gone")
                .then().statusCode(404).body("itemNotFound.message", equalTo("Volume gone could not be found."));

        cinder().body("{\"os-reset_status\": {\"migration_status\": \"none\"}}").post("/v3/volumes/{id}/action",
                volume).then().statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("error_deleting"));
    }

    @Test
    void otherActionsAreUnknown() {
        String volume = createVolume(1);
        malformed().body("{\"os-frobnicate\": {}}").post("/v3/volumes/{id}/action", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: os-frobnicate. Verify the request body "
                        + "and Content-Type header and try again."));
        malformed().body("{\"os-reset_status\": {\"status\": \"error\"}, \"b\": 2}")
                .post("/v3/volumes/{id}/action", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request body"));
        malformed().body("{not json").post("/v3/volumes/{id}/action", volume).then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request body"));
    }

    @Test
    void fieldsFollowTheMicroversion() {
        String volume = cinder().body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().extract()
                .path("volume.id");
        Map<String, Object> base = cinder().get("/v3/volumes/{id}", volume).then().extract().path("volume");
        assertThat(base).doesNotContainKeys("group_id", "provider_id", "service_uuid", "shared_targets",
                "cluster_name", "volume_type_id", "consumes_quota", "encryption_key_id");

        at("3.13").get("/v3/volumes/{id}", volume).then().body("volume", hasKey("group_id"))
                .body("volume.group_id", nullValue()).body("volume", not(hasKey("provider_id")));
        at("3.21").get("/v3/volumes/{id}", volume).then().body("volume", hasKey("provider_id"));
        at("3.48").get("/v3/volumes/{id}", volume).then()
                .body("volume", hasKey("service_uuid")).body("volume.service_uuid", nullValue())
                .body("volume.shared_targets", equalTo(true)).body("volume", not(hasKey("volume_type_id")));
        at("3.61").get("/v3/volumes/{id}", volume).then().body("volume", hasKey("cluster_name"));
        at("3.63").get("/v3/volumes/{id}", volume).then()
                .body("volume.volume_type_id", matchesPattern("[0-9a-f-]{36}"))
                .body("volume", not(hasKey("consumes_quota")));
        at("3.65").body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202)
                .body("volume.consumes_quota", equalTo(true)).body("volume.shared_targets", equalTo(true))
                .body("volume.service_uuid", nullValue());
        settle();

        // Once the volume service has the volume: its uuid, and LVM's shared_targets.
        at("3.48").get("/v3/volumes/{id}", volume).then()
                .body("volume.service_uuid", matchesPattern("[0-9a-f-]{36}"))
                .body("volume.shared_targets", equalTo(false));
        at("latest").get("/v3/volumes/detail").then().statusCode(200)
                .body("volumes[0].consumes_quota", equalTo(true)).body("volumes[0]", not(hasKey("encryption_key_id")));
    }

    private String createSnapshot(String volume) {
        return cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/snapshots").then()
                .statusCode(202).extract().path("snapshot.id");
    }

    private void resetStatus(String volume, String status) {
        cinder().body("{\"os-reset_status\": {\"status\": \"" + status + "\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(202);
    }
}
