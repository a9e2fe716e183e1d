package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/** QoS specs ({@code contrib/qos_specs_manage.py}) and their volume types, over HTTP and against the contract. */
class QosSpecsAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void specsAreCreatedChangedAssociatedAndDeleted() {
        String name = "qos-" + UUID.randomUUID();
        String specs = cinder().body("{\"qos_specs\": {\"name\": \"" + name + "\", \"read_iops_sec\": \"100\"}}")
                .post("/v3/qos-specs").then().statusCode(200)
                .body("qos_specs.consumer", equalTo("back-end"))
                .body("qos_specs.specs", equalTo(Map.of("read_iops_sec", "100")))
                .extract().path("qos_specs.id");
        cinder().body("{\"qos_specs\": {\"name\": \"" + name + "\"}}").post("/v3/qos-specs").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("QoS Specs " + name + " already exists."));
        cinder().body("{\"qos_specs\": {\"consumer\": \"front-end\", \"write_iops_sec\": \"5\"}}")
                .put("/v3/qos-specs/{id}", specs).then().statusCode(200)
                .body("qos_specs", equalTo(Map.of("consumer", "front-end", "write_iops_sec", "5")));
        cinder().get("/v3/qos-specs/{id}", specs).then().statusCode(200)
                .body("qos_specs.consumer", equalTo("front-end"))
                .body("qos_specs.specs", equalTo(Map.of("read_iops_sec", "100", "write_iops_sec", "5")));
        cinder().body("{\"keys\": [\"read_iops_sec\", \"nope\"]}").put("/v3/qos-specs/{id}/delete_keys", specs).then()
                .statusCode(404).body("itemNotFound.message",
                        equalTo("QoS spec " + specs + " has no spec with key nope."));
        cinder().get("/v3/qos-specs").then().body("qos_specs.id", hasItem(specs));

        String type = cinder().body("{\"volume_type\": {\"name\": \"t-" + UUID.randomUUID() + "\"}}")
                .post("/v3/types").then().statusCode(200).extract().path("volume_type.id");
        cinder().get("/v3/qos-specs/{id}/associate", specs).then().statusCode(400)
                .body("badRequest.message", equalTo("Volume Type id must not be None."));
        cinder().get("/v3/qos-specs/{id}/associate?vol_type_id=" + type, specs).then().statusCode(202);
        cinder().get("/v3/types/{id}", type).then().body("volume_type.qos_specs_id", equalTo(specs));
        cinder().get("/v3/qos-specs/{id}/associations", specs).then().statusCode(200)
                .body("qos_associations.id", equalTo(List.of(type)));
        cinder().delete("/v3/qos-specs/{id}", specs).then().statusCode(400)
                .body("badRequest.message", equalTo("Qos specs still in use."));
        cinder().get("/v3/qos-specs/{id}/disassociate?vol_type_id=" + type, specs).then().statusCode(202);
        cinder().get("/v3/qos-specs/{id}/associations", specs).then().body("qos_associations", equalTo(List.of()));
        cinder().get("/v3/qos-specs/{id}/associate?vol_type_id=" + type, specs).then().statusCode(202);
        cinder().delete("/v3/qos-specs/{id}?force=true", specs).then().statusCode(202);
        cinder().get("/v3/qos-specs/{id}", specs).then().statusCode(404)
                .body("itemNotFound.message", equalTo("No such QoS spec " + specs + "."));
        cinder().get("/v3/types/{id}", type).then().body("volume_type.qos_specs_id", equalTo(null));
    }
}
