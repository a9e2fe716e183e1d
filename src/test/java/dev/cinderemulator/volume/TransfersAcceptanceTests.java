package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;

/**
 * Volume transfers ({@code contrib/volume_transfer.py}, {@code api/v3/volume_transfer.py},
 * {@code transfer/api.py}), over HTTP and against the contract.
 */
class TransfersAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void aVolumeOfferedIsAwaitingTransferUntilAnotherProjectTakesItWithTheKey() {
        String volume = createVolume(1);
        String snapshot = cinder().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/snapshots")
                .then().statusCode(202).extract().path("snapshot.id");
        cinder().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/os-volume-transfer").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid snapshot: snapshot: " + snapshot
                        + " status must be available"));
        settle();
        var created = cinder().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": \" move \"}}")
                .post("/v3/os-volume-transfer").then().statusCode(202)
                .body("transfer.name", equalTo("move"))
                .body("transfer.auth_key", matchesPattern("[A-Za-z0-9]{16}"))
                .body("transfer", not(hasKey("no_snapshots"))).extract();
        String transfer = created.path("transfer.id");
        String key = created.path("transfer.auth_key");
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("awaiting-transfer"));
        cinder().get("/v3/os-volume-transfer").then().statusCode(200).body("transfers.id", hasItem(transfer));
        at("3.57").get("/v3/volume-transfers/{id}", transfer).then().statusCode(200)
                .body("transfer.source_project_id", equalTo(project))
                .body("transfer.no_snapshots", equalTo(false))
                .body("transfer", not(hasKey("auth_key")));

        String taker = Ids.project();
        as("admin", taker).body("{\"accept\": {\"auth_key\": \"wrong\"}}")
                .post("/v3/os-volume-transfer/{id}/accept", transfer).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid auth key: Attempt to transfer " + transfer
                        + " with invalid auth key."));
        as("admin", taker).body("{\"accept\": {\"auth_key\": \"" + key + "\"}}")
                .post("/v3/os-volume-transfer/{id}/accept", transfer).then().statusCode(202)
                .body("transfer.id", equalTo(transfer)).body("transfer.volume_id", equalTo(volume));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"))
                .body("volume.'os-vol-tenant-attr:tenant_id'", equalTo(taker));
        cinder().get("/v3/snapshots/{id}", snapshot).then()
                .body("snapshot.'os-extended-snapshot-attributes:project_id'", equalTo(taker));
        cinder().get("/v3/os-volume-transfer/{id}", transfer).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Transfer " + transfer + " could not be found."));
    }

    @Test
    void aWithdrawnTransferFreesTheVolumeAndTheNewRouteNeeds355() {
        String volume = createVolume(1);
        malformed().get("/v3/volume-transfers").then().statusCode(404);
        String transfer = at("3.55").body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"no_snapshots\": true}}")
                .post("/v3/volume-transfers").then().statusCode(202).body("transfer.no_snapshots", equalTo(true))
                .extract().path("transfer.id");
        cinder().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/os-volume-transfer").then()
                .statusCode(400).body("badRequest.message", equalTo("Invalid volume: status must be available"));
        at("3.55").delete("/v3/volume-transfers/{id}", transfer).then().statusCode(202);
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
    }
}
