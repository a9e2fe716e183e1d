package dev.cinderemulator.volume;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * The admin views of the one emulated backend and the volume summary ({@code api/v3/volumes.py
 * summary}, {@code contrib/scheduler_stats.py}, {@code hosts.py}, {@code capabilities.py}), over
 * HTTP and against the contract.
 */
class BackendAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void theSummaryCountsTheProjectsVolumesFrom312() {
        String first = createVolume(2);
        createVolume(3);
        cinder().body("{\"metadata\": {\"tier\": \"gold\"}}").post("/v3/volumes/{id}/metadata", first).then()
                .statusCode(200);
        at("3.12").get("/v3/volumes/summary").then().statusCode(200)
                .body("'volume-summary'.total_count", equalTo(2))
                .body("'volume-summary'.total_size", equalTo(5))
                .body("'volume-summary'", not(hasKey("metadata")));
        at("3.36").get("/v3/volumes/summary").then().statusCode(200)
                .body("'volume-summary'.metadata", equalTo(Map.of("tier", List.of("gold"))));
        malformed().get("/v3/volumes/summary").then().statusCode(404);
    }

    @Test
    void poolsHostsAndCapabilitiesDescribeTheLvmBackend() {
        createVolume(1);
        cinder().get("/v3/scheduler-stats/get_pools").then().statusCode(200)
                .body("pools", equalTo(List.of(Map.of("name", "emulator@lvm#lvm"))));
        cinder().get("/v3/scheduler-stats/get_pools?detail=true").then().statusCode(200)
                .body("pools[0].capabilities.volume_backend_name", equalTo("lvm"))
                .body("pools[0].capabilities.storage_protocol", equalTo("iSCSI"))
                .body("pools[0].capabilities.backend_state", equalTo("up"));
        cinder().get("/v3/os-hosts").then().statusCode(200)
                .body("hosts.host_name", hasItem("emulator@lvm"))
                .body("hosts.service", equalTo(List.of("cinder-scheduler", "cinder-volume", "cinder-backup")));
        cinder().get("/v3/os-hosts/emulator@lvm").then().statusCode(200)
                .body("host[0].resource.project", equalTo("(total)"))
                .body("host.resource.project", hasItem(project));
        cinder().get("/v3/capabilities/emulator@lvm").then().statusCode(200)
                .body("namespace", equalTo("OS::Storage::Capabilities::emulator@lvm"))
                .body("vendor_name", equalTo("Open Source"))
                .body("driver_version", equalTo("3.0.0"))
                .body("properties.thin_provisioning.type", equalTo("boolean"));
        cinder().get("/v3/capabilities/elsewhere").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Can't find service: elsewhere"));
    }
}
