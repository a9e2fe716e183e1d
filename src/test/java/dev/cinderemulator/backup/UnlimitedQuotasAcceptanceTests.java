package dev.cinderemulator.backup;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * A quota of -1 is no quota, as in Cinder ({@code quota_reserve} only checks limits >= 0): load
 * tests and demo clouds set it to create without bound. Every limit here is below what the test
 * creates by default quotas (10 volumes, snapshots and backups; 1000 GB each).
 */
@TestPropertySource(properties = { "emulator.quotas.volumes=-1", "emulator.quotas.snapshots=-1",
        "emulator.quotas.gigabytes=-1", "emulator.quotas.backups=-1", "emulator.quotas.backup-gigabytes=-1" })
class UnlimitedQuotasAcceptanceTests extends AcceptanceTestSupport {

    @Test
    void aLimitOfMinusOneRefusesNothing() {
        String large = createVolume(1500);
        for (int i = 0; i < 11; i++) {
            createVolume(1);
        }
        for (int i = 0; i < 11; i++) {
            cinder().body("{\"snapshot\": {\"volume_id\": \"" + large + "\"}}").post("/v3/snapshots").then()
                    .statusCode(202);
            settle();
        }
        for (int i = 0; i < 11; i++) {
            createBackup(large, "");
            settle();
        }
        cinder().get("/v3/volumes").then().statusCode(200).body("volumes", hasSize(12));
        cinder().get("/v3/snapshots").then().statusCode(200).body("snapshots", hasSize(11));
        cinder().get("/v3/backups/detail").then().statusCode(200).body("backups", hasSize(11))
                .body("backups.findAll { it.status == 'available' }.size()", equalTo(11));
    }
}
