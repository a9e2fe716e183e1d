package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.Ids;

/**
 * Volume types ({@code api/v3/types.py}, {@code contrib/types_manage.py},
 * {@code types_extra_specs.py}, {@code volume_type_access.py}) and the volumes that carry them,
 * over HTTP and against the contract.
 */
class VolumeTypesAcceptanceTests extends AcceptanceTestSupport {

    private static final String DEFAULT_ID = "7c9cf2ef-2b5c-4f1b-9c8f-3f4d1b9e0a55";

    @Test
    void theDefaultTypeIsThereFromTheStart() {
        cinder().get("/v3/types/default").then().statusCode(200)
                .body("volume_type.id", equalTo(DEFAULT_ID))
                .body("volume_type.name", equalTo("__DEFAULT__"))
                .body("volume_type.description", equalTo("Default Volume Type"))
                .body("volume_type.is_public", equalTo(true))
                .body("volume_type.'os-volume-type-access:is_public'", equalTo(true));
        cinder().get("/v3/types").then().statusCode(200).body("volume_types.id", hasItem(DEFAULT_ID));
        cinder().delete("/v3/types/{id}", DEFAULT_ID).then().statusCode(400).body("badRequest.message",
                equalTo("The volume type " + DEFAULT_ID + " is a default volume type and cannot be deleted."));
    }

    @Test
    void aTypeIsCreatedUpdatedGivenToVolumesAndDeletedOnceUnused() {
        String name = "gold-" + UUID.randomUUID();
        String type = cinder().body("{\"volume_type\": {\"name\": \"" + name + "\", \"description\": \"fast\", "
                + "\"extra_specs\": {\"volume_backend_name\": \"lvm\"}}}").post("/v3/types").then().statusCode(200)
                .body("volume_type.name", equalTo(name))
                .body("volume_type.extra_specs", equalTo(Map.of("volume_backend_name", "lvm")))
                .body("volume_type.is_public", equalTo(true))
                .extract().path("volume_type.id");
        cinder().body("{\"volume_type\": {\"name\": \"" + name + "\"}}").post("/v3/types").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Volume Type " + name + " already exists."));

        String volume = cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + name + "\"}}")
                .post("/v3/volumes").then().statusCode(202).body("volume.volume_type", equalTo(name))
                .extract().path("volume.id");
        at("3.63").get("/v3/volumes/{id}", volume).then().body("volume.volume_type_id", equalTo(type));
        cinder().body("{\"volume\": {\"size\": 1, \"volume_type\": \"nope\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message",
                        equalTo("Volume type with name nope could not be found."));

        cinder().body("{\"volume_type\": {\"description\": \"faster\"}}").put("/v3/types/{id}", type).then()
                .statusCode(200).body("volume_type.description", equalTo("faster"))
                .body("volume_type", not(org.hamcrest.Matchers.hasKey("os-volume-type-access:is_public")));
        cinder().body("{\"volume_type\": {}}").put("/v3/types/{id}", type).then().statusCode(400)
                .body("badRequest.message",
                        equalTo("Specify volume type name, description, is_public or a combination thereof."));
        cinder().body("{\"extra_specs\": {\"k\": \"v\"}}").post("/v3/types/{id}/extra_specs", type).then()
                .statusCode(400).body("badRequest.message", equalTo("Volume Type is currently in use."));
        cinder().delete("/v3/types/{id}", type).then().statusCode(400)
                .body("badRequest.message", equalTo("Target volume type is still in use."));

        settle();
        cinder().delete("/v3/volumes/{id}", volume).then().statusCode(202);
        settle();
        cinder().delete("/v3/types/{id}", type).then().statusCode(202);
        cinder().get("/v3/types/{id}", type).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume type " + type + " could not be found."));
    }

    @Test
    void extraSpecsAreListedSetShownAndDeleted() {
        String type = createType("{\"name\": \"specs-" + UUID.randomUUID() + "\"}");
        cinder().body("{\"extra_specs\": {\"a\": \"1\", \"multiattach\": \"<is> True\"}}")
                .post("/v3/types/{id}/extra_specs", type).then().statusCode(200)
                .body("extra_specs", equalTo(Map.of("a", "1", "multiattach", "<is> True")));
        cinder().body("{\"a\": \"2\"}").put("/v3/types/{id}/extra_specs/a", type).then().statusCode(200)
                .body("a", equalTo("2"));
        cinder().body("{\"b\": \"2\"}").put("/v3/types/{id}/extra_specs/a", type).then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        cinder().get("/v3/types/{id}/extra_specs/a", type).then().statusCode(200).body("a", equalTo("2"));
        cinder().get("/v3/types/{id}/extra_specs", type).then().statusCode(200)
                .body("extra_specs", equalTo(Map.of("a", "2", "multiattach", "<is> True")));
        cinder().delete("/v3/types/{id}/extra_specs/a", type).then().statusCode(202);
        cinder().get("/v3/types/{id}/extra_specs/a", type).then().statusCode(404).body("itemNotFound.message",
                equalTo("Volume Type " + type + " has no extra specs with key a."));
        cinder().body("{\"extra_specs\": {\"cacheable\": \"<is> True\"}}").post("/v3/types/{id}/extra_specs", type)
                .then().statusCode(400).body("badRequest.message", equalTo("cacheable cannot be set with multiattach."));
    }

    @Test
    void privateTypesHaveAnAccessListAndPublicOnesDoNot() {
        String type = createType("{\"name\": \"private-" + UUID.randomUUID()
                + "\", \"os-volume-type-access:is_public\": false}");
        String other = Ids.project();
        cinder().get("/v3/types").then().body("volume_types.id", not(hasItem(type)));
        cinder().get("/v3/types?is_public=false").then().body("volume_types.id", hasItem(type));
        cinder().body("{\"addProjectAccess\": {\"project\": \"" + other + "\"}}").post("/v3/types/{id}/action", type)
                .then().statusCode(202);
        cinder().body("{\"addProjectAccess\": {\"project\": \"" + other + "\"}}").post("/v3/types/{id}/action", type)
                .then().statusCode(409).body("conflictingRequest.message", equalTo("Volume type access for " + type
                        + " / " + other + " combination already exists."));
        cinder().get("/v3/types/{id}/os-volume-type-access", type).then().statusCode(200)
                .body("volume_type_access", equalTo(List.of(Map.of("volume_type_id", type, "project_id", other))));
        as("admin", other).get("/v3/types").then().body("volume_types.id", hasItem(type));
        cinder().body("{\"removeProjectAccess\": {\"project\": \"" + other + "\"}}")
                .post("/v3/types/{id}/action", type).then().statusCode(202);
        cinder().body("{\"removeProjectAccess\": {\"project\": \"" + other + "\"}}")
                .post("/v3/types/{id}/action", type).then().statusCode(404);
        cinder().get("/v3/types/{id}/os-volume-type-access", DEFAULT_ID).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Access list not available for public volume types."));
        cinder().body("{\"addProjectAccess\": {\"project\": \"" + other + "\"}}")
                .post("/v3/types/{id}/action", DEFAULT_ID).then().statusCode(400).body("badRequest.message",
                        equalTo("Invalid volume type: Type access modification is not applicable to public volume "
                                + "type."));
    }

    @Test
    void retypeChangesTheTypeOfAnAvailableVolume() {
        String name = "silver-" + UUID.randomUUID();
        String type = createType("{\"name\": \"" + name + "\"}");
        String volume = createVolume(1);
        cinder().body("{\"os-retype\": {\"new_type\": \"" + name + "\", \"migration_policy\": \"never\"}}")
                .post("/v3/volumes/{id}/action", volume).then().statusCode(202);
        at("3.63").get("/v3/volumes/{id}", volume).then().body("volume.volume_type", equalTo(name))
                .body("volume.volume_type_id", equalTo(type)).body("volume.status", equalTo("available"));
        cinder().body("{\"os-retype\": {\"new_type\": \"" + type + "\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(400).body("badRequest.message", org.hamcrest.Matchers.startsWith(
                        "Invalid volume: Retype needs volume to be in available or in-use state,"));
    }

    private String createType(String fields) {
        return cinder().body("{\"volume_type\": " + fields + "}").post("/v3/types").then().statusCode(200).extract()
                .path("volume_type.id");
    }
}
