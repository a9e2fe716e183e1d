package dev.cinderemulator.zone;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/** {@code os-availability-zone} and {@code /extensions}: what a client reads before it creates anything. */
class ZonesAndExtensionsAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void theOneZoneIsAvailable() {
        cinder().get("/v3/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo", hasSize(1))
                .body("availabilityZoneInfo[0].zoneName", equalTo("nova"))
                .body("availabilityZoneInfo[0].zoneState.available", equalTo(true));
    }

    @Test
    void theExtensionsOfAZedCinderAreListed() {
        cinder().get("/v3/extensions").then().statusCode(200)
                .body("extensions", hasSize(32))
                .body("extensions.alias", hasItems("os-quota-sets", "os-quota-class-sets", "os-services",
                        "os-used-limits", "os-availability-zone", "backups", "os-hosts"))
                .body("extensions.find { it.alias == 'os-hosts' }.name", equalTo("Hosts"))
                .body("extensions.find { it.alias == 'os-quota-sets' }.description",
                        equalTo("Quota management support."));
    }
}
