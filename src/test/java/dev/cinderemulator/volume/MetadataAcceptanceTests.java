package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * The volume and snapshot metadata sub-resources ({@code api/v3/volume_metadata.py},
 * {@code snapshot_metadata.py}), over HTTP and against the contract.
 */
class MetadataAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void volumeMetadataIsAddedReplacedSetAndDeletedKeyByKey() {
        String volume = createVolume(1);
        cinder().get("/v3/volumes/{id}/metadata", volume).then().statusCode(200)
                .body("metadata", equalTo(Map.of()));
        cinder().body("{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}").post("/v3/volumes/{id}/metadata", volume).then()
                .statusCode(200).body("metadata", equalTo(Map.of("a", "1", "b", "2")));
        cinder().body("{\"metadata\": {\"b\": \"3\"}}").post("/v3/volumes/{id}/metadata", volume).then()
                .statusCode(200).body("metadata", equalTo(Map.of("a", "1", "b", "3")));
        cinder().body("{\"meta\": {\"c\": \"4\"}}").put("/v3/volumes/{id}/metadata/c", volume).then()
                .statusCode(200).body("meta", equalTo(Map.of("c", "4")));
        cinder().get("/v3/volumes/{id}/metadata/c", volume).then().statusCode(200)
                .body("meta", equalTo(Map.of("c", "4")));
        cinder().delete("/v3/volumes/{id}/metadata/a", volume).then().statusCode(200).body(emptyString());
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.metadata", equalTo(Map.of("b", "3", "c", "4")));
        cinder().body("{\"metadata\": {\"z\": \"9\"}}").put("/v3/volumes/{id}/metadata", volume).then()
                .statusCode(200).body("metadata", equalTo(Map.of("z", "9")));

        cinder().get("/v3/volumes/{id}/metadata/a", volume).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + volume + " has no metadata with key a."));
        cinder().delete("/v3/volumes/{id}/metadata/a", volume).then().statusCode(404);
        cinder().body("{\"meta\": {\"d\": \"4\"}}").put("/v3/volumes/{id}/metadata/c", volume).then()
                .statusCode(400).body("badRequest.message", equalTo("Request body and URI mismatch"));
        malformed().body("{\"meta\": {\"c\": \"4\", \"d\": \"5\"}}").put("/v3/volumes/{id}/metadata/c", volume).then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid input for field/attribute meta. Value: "
                        + "{'c': '4', 'd': '5'}. {'c': '4', 'd': '5'} has too many properties"));
        malformed().body("{\"metadata\": {\"a\": 1}}").post("/v3/volumes/{id}/metadata", volume).then()
                .statusCode(400).body("badRequest.message",
                        equalTo("Invalid input for field/attribute a. Value: 1. 1 is not of type 'string'"));
    }

    @Test
    void from315TheListHasAnEtagThatPutsMayRequire() {
        String volume = createVolume(1);
        cinder().body("{\"metadata\": {\"a\": \"1\"}}").post("/v3/volumes/{id}/metadata", volume).then()
                .statusCode(200);
        // Python's hashlib.md5(json.dumps({"metadata": {"a": "1"}}).encode()).hexdigest(), as Cinder hashes it.
        String etag = "f4e52f163c86f262780f0c8b8670b3e6";
        cinder().get("/v3/volumes/{id}/metadata", volume).then().header("Etag", nullValue());
        at("3.15").get("/v3/volumes/{id}/metadata", volume).then().statusCode(200).header("Etag", equalTo(etag));
        at("3.15").header("If-Match", "\"stale\"").body("{\"metadata\": {\"b\": \"2\"}}")
                .put("/v3/volumes/{id}/metadata", volume).then().statusCode(412);
        at("3.15").header("If-Match", "\"" + etag + "\"").body("{\"metadata\": {\"b\": \"2\"}}")
                .put("/v3/volumes/{id}/metadata", volume).then().statusCode(200)
                .body("metadata", equalTo(Map.of("b", "2")));
    }

    @Test
    void snapshotMetadataFollowsTheSameRulesWithItsOwnChecks() {
        String volume = createVolume(1);
        String snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"metadata\": "
                + "{\"k\": \"v\"}}}").post("/v3/snapshots").then().statusCode(202).extract().path("snapshot.id");
        cinder().get("/v3/snapshots/{id}/metadata", snapshot).then().statusCode(200)
                .body("metadata", equalTo(Map.of("k", "v")));
        cinder().body("{\"metadata\": {\"x\": \"y\"}}").post("/v3/snapshots/{id}/metadata", snapshot).then()
                .statusCode(200).body("metadata", equalTo(Map.of("k", "v", "x", "y")));
        cinder().body("{\"metadata\": {\"only\": \"this\"}}").put("/v3/snapshots/{id}/metadata", snapshot).then()
                .statusCode(200).body("metadata", equalTo(Map.of("only", "this")));
        cinder().body("{\"meta\": {\"only\": \"that\"}}").put("/v3/snapshots/{id}/metadata/only", snapshot).then()
                .statusCode(200).body("meta", equalTo(Map.of("only", "that")));
        cinder().get("/v3/snapshots/{id}/metadata/only", snapshot).then().body("meta.only", equalTo("that"));
        cinder().delete("/v3/snapshots/{id}/metadata/only", snapshot).then().statusCode(200);
        cinder().get("/v3/snapshots/{id}/metadata/only", snapshot).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + snapshot + " has no metadata with key only."));

        malformed().body("{\"meta\": \"flat\"}").post("/v3/snapshots/{id}/metadata", snapshot).then()
                .statusCode(400).body("badRequest.message",
                        equalTo("Missing required element 'metadata' in request body."));
        malformed().body("{\"metadata\": {\"n\": 1}}").post("/v3/snapshots/{id}/metadata", snapshot).then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid metadata: Invalid input received: "
                        + "Value for metadata key: n is not a string or unicode"));
    }
}
