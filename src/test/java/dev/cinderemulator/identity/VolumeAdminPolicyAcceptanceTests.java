package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Cinder's default policy for the volume actions, types, QoS specs and backend views of issue 13b,
 * with Keystone tokens: members act on their own volumes, admins alone force-delete, reset,
 * manage types and QoS specs and see the backend; the admin-only fields stay hidden from members.
 */
class VolumeAdminPolicyAcceptanceTests extends KeystoneAcceptanceSupport {

    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            "openapi/cinder-backups.yaml");

    private String demo;
    private String admin;

    @BeforeEach
    void logIn() {
        clock.freeze();
        demo = login("demo", "demo");
        admin = login("admin", "admin");
    }

    private RequestSpecification as(String token) {
        return cinder().filter(CONTRACT).header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void membersActOnTheirVolumesButOnlyAdminsForceDeleteOrReset() {
        String volume = as(demo).body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202)
                .extract().path("volume.id");
        clock.advance(Duration.ofMinutes(1));
        as(demo).body("{\"os-attach\": {\"host_name\": \"h\", \"mountpoint\": \"/mnt\"}}")
                .post("/v3/volumes/{id}/action", volume).then().statusCode(202);
        as(demo).get("/v3/volumes/{id}", volume).then().body("volume.attachments[0].host_name", equalTo(null));
        as(admin).get("/v3/volumes/{id}", volume).then().body("volume.attachments[0].host_name", equalTo("h"));
        as(demo).body("{\"os-detach\": {}}").post("/v3/volumes/{id}/action", volume).then().statusCode(202);
        as(demo).body("{\"os-force_delete\": {}}").post("/v3/volumes/{id}/action", volume).then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow "
                        + "volume_extension:volume_admin_actions:force_delete to be performed."));
        as(demo).body("{\"os-reset_status\": {\"status\": \"error\"}}").post("/v3/volumes/{id}/action", volume)
                .then().statusCode(403);
        as(admin).body("{\"os-force_delete\": {}}").post("/v3/volumes/{id}/action", volume).then().statusCode(202);
    }

    @Test
    void typesAndQosSpecsAreManagedByAdminsOnly() {
        as(demo).get("/v3/types/default").then().statusCode(200)
                .body("volume_type", not(hasKey("qos_specs_id")));
        as(demo).body("{\"volume_type\": {\"name\": \"mine\"}}").post("/v3/types").then().statusCode(403)
                .body("forbidden.message",
                        equalTo("Policy doesn't allow volume_extension:types_manage to be performed."));
        String name = "hidden-" + UUID.randomUUID();
        String type = as(admin).body("{\"volume_type\": {\"name\": \"" + name + "\", "
                + "\"os-volume-type-access:is_public\": false, \"extra_specs\": {\"secret\": \"x\", "
                + "\"multiattach\": \"<is> False\"}}}").post("/v3/types").then().statusCode(200).extract()
                .path("volume_type.id");
        as(demo).get("/v3/types/{id}", type).then().statusCode(404);
        as(demo).body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + name + "\"}}").post("/v3/volumes").then()
                .statusCode(404).body("itemNotFound.message",
                        equalTo("Volume type with name " + name + " could not be found."));
        as(admin).get("/v3/types/{id}/extra_specs", type).then().statusCode(200)
                .body("extra_specs.secret", equalTo("x"));
        as(demo).get("/v3/qos-specs").then().statusCode(403);
        as(demo).get("/v3/scheduler-stats/get_pools").then().statusCode(403);
        as(demo).get("/v3/os-hosts").then().statusCode(403);
        as(demo).get("/v3/capabilities/emulator@lvm").then().statusCode(403);
    }
}
