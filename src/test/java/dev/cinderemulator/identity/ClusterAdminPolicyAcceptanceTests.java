package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Cinder's default policy for quotas, quota classes, services, limits, messages, zones and
 * extensions, with Keystone tokens: a member reads their own project's quotas and limits, the
 * zones, extensions and their messages; quota changes, quota classes, another project's quotas
 * and the services are for admins ({@code cinder/policies/quotas.py}, {@code quota_class.py},
 * {@code services.py}).
 */
class ClusterAdminPolicyAcceptanceTests extends KeystoneAcceptanceSupport {

    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter("openapi/cinder-backups.yaml");

    private String demo;
    private String admin;
    private String demoProject;
    private String adminProject;

    @BeforeEach
    void logIn() {
        demo = login("demo", "demo");
        admin = login("admin", "admin");
        demoProject = projectId(admin, "demo");
        adminProject = projectId(admin, "admin");
    }

    private RequestSpecification as(String token) {
        return cinder().filter(CONTRACT).header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String refused(String action) {
        return "Policy doesn't allow " + action + " to be performed.";
    }

    @Test
    void aMemberReadsTheirOwnQuotasAndLimitsOnly() {
        as(demo).get("/v3/os-quota-sets/{id}", demoProject).then().statusCode(200)
                .body("quota_set.id", equalTo(demoProject));
        as(demo).get("/v3/os-quota-sets/{id}/defaults", demoProject).then().statusCode(200);
        as(demo).get("/v3/limits").then().statusCode(200);
        as(demo).get("/v3/os-quota-sets/{id}", adminProject).then().statusCode(403)
                .body("forbidden.message", equalTo(refused("volume_extension:quotas:show")));
        as(demo).body("{\"quota_set\": {\"volumes\": 100}}").put("/v3/os-quota-sets/{id}", demoProject).then()
                .statusCode(403).body("forbidden.message", equalTo(refused("volume_extension:quotas:update")));
        as(demo).delete("/v3/os-quota-sets/{id}", demoProject).then().statusCode(403)
                .body("forbidden.message", equalTo(refused("volume_extension:quotas:delete")));
        as(demo).get("/v3/os-quota-class-sets/default").then().statusCode(403)
                .body("forbidden.message", equalTo(refused("volume_extension:quota_classes:get")));
        as(admin).get("/v3/os-quota-sets/{id}", demoProject).then().statusCode(200);
    }

    @Test
    void servicesAreForAdmins() {
        as(demo).get("/v3/os-services").then().statusCode(403)
                .body("forbidden.message", equalTo(refused("volume_extension:services:index")));
        as(demo).body("{\"host\": \"emulator@backup\", \"binary\": \"cinder-backup\"}").put("/v3/os-services/disable")
                .then().statusCode(403)
                .body("forbidden.message", equalTo(refused("volume_extension:services:update")));
        as(admin).get("/v3/os-services").then().statusCode(200);
    }

    @Test
    void anyoneListsZonesExtensionsAndTheirMessages() {
        as(demo).get("/v3/os-availability-zone").then().statusCode(200);
        as(demo).get("/v3/extensions").then().statusCode(200);
        as(demo).header("OpenStack-API-Version", "volume 3.3").get("/v3/messages").then().statusCode(200);
    }
}
