package dev.cinderemulator.service;

import static dev.cinderemulator.support.ControlApi.control;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;

/**
 * {@code os-services}: the three services, enable and disable (with a reason), freeze and thaw,
 * and what a disabled cinder-backup does to backups (the scheduler's and the API's errors).
 */
class ServicesAcceptanceTests extends AcceptanceTestSupport {

    private static final String BACKUP_SERVICE = "{\"host\": \"emulator@backup\", \"binary\": \"cinder-backup\"}";

    @AfterEach
    void enableEverything() {
        cinder().body(BACKUP_SERVICE).put("/v3/os-services/enable").then().statusCode(200);
        cinder().body("{\"host\": \"emulator\"}").put("/v3/os-services/thaw");
    }

    @Test
    void theSchedulerVolumeAndBackupServicesAreListed() {
        cinder().get("/v3/os-services").then().statusCode(200)
                .body("services.binary", contains("cinder-scheduler", "cinder-volume", "cinder-backup"))
                .body("services.host", contains("emulator", "emulator@lvm", "emulator@backup"))
                .body("services.zone", hasItems("nova"))
                .body("services.state", contains("up", "up", "up"))
                .body("services.status", contains("enabled", "enabled", "enabled"))
                .body("services[0].updated_at", notNullValue())
                .body("services[1].frozen", equalTo(false));
        at("3.49").queryParam("host", "emulator").queryParam("binary", "cinder-volume").get("/v3/os-services").then()
                .body("services.host", contains("emulator@lvm"))
                .body("services[0].backend_state", equalTo("up"))
                .body("services[0].cluster", equalTo(null));
        cinder().queryParam("host", "emulator@backup").get("/v3/os-services").then()
                .body("services.binary", contains("cinder-backup"));
    }

    @Test
    void disablingTheBackupServiceFailsCreatesAndRefusesRestores() {
        String volume = createVolume(1);
        String available = createBackup(volume, "");
        settle();
        cinder().body("{\"host\": \"emulator@backup\", \"binary\": \"cinder-backup\", \"disabled_reason\": \"upgrade\"}")
                .put("/v3/os-services/disable-log-reason").then().statusCode(200)
                .body("disabled", equalTo(true)).body("status", equalTo("disabled"))
                .body("disabled_reason", equalTo("upgrade")).body("service", equalTo(""));
        cinder().queryParam("binary", "cinder-backup").get("/v3/os-services").then()
                .body("services[0].status", equalTo("disabled")).body("services[0].disabled_reason", equalTo("upgrade"));

        String failed = createBackup(volume, "");
        settle();
        cinder().get("/v3/backups/{id}", failed).then().body("backup.status", equalTo("error"))
                .body("backup.fail_reason", equalTo("Service not found for creating backup."));
        cinder().get("/v3/volumes/{id}", volume).then().body("volume.status", equalTo("available"));
        cinder().body("{\"restore\": {}}").post("/v3/backups/{id}/restore", available).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Service cinder-backup could not be found."));
        cinder().delete("/v3/backups/{id}", available).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Service cinder-backup could not be found."));
        cinder().get("/v3/backups/{id}", available).then().body("backup.status", equalTo("available"));

        cinder().body(BACKUP_SERVICE).put("/v3/os-services/enable").then().statusCode(200)
                .body("status", equalTo("enabled"));
        cinder().delete("/v3/backups/{id}", available).then().statusCode(202);
    }

    @Test
    void theControlApiSetsUpABackupServiceOutage() {
        String volume = createVolume(1);
        String available = createBackup(volume, "");
        settle();
        control(port).body("{\"disabled\": true, \"reason\": \"outage\"}").put("/_emulator/services/cinder-backup")
                .then().statusCode(200).body("host", equalTo("emulator@backup")).body("disabled", equalTo(true));
        cinder().get("/v3/backups/{id}/export_record", available).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Service cinder-backup could not be found."));
        control(port).post("/_emulator/reset").then().statusCode(200);
        cinder().queryParam("binary", "cinder-backup").get("/v3/os-services").then()
                .body("services[0].status", equalTo("enabled"));
    }

    @Test
    void freezeAndThawTheVolumeBackend() {
        cinder().body("{\"host\": \"emulator\"}").put("/v3/os-services/freeze").then().statusCode(200);
        cinder().queryParam("binary", "cinder-volume").get("/v3/os-services").then()
                .body("services[0].frozen", equalTo(true)).body("services[0].status", equalTo("disabled"))
                .body("services[0].disabled_reason", equalTo("frozen"));
        cinder().body("{\"host\": \"emulator\"}").put("/v3/os-services/freeze").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: No service could be changed: frozen in "
                        + "['emulator@lvm'] must be False to failover."));
        cinder().body("{\"host\": \"emulator@lvm\"}").put("/v3/os-services/thaw").then().statusCode(200);
        cinder().queryParam("binary", "cinder-volume").get("/v3/os-services").then()
                .body("services[0].frozen", equalTo(false)).body("services[0].status", equalTo("enabled"));
    }

    @Test
    void badRequestsGetCindersErrors() {
        cinder().body("{\"host\": \"invalid_host\", \"binary\": \"cinder-backup\"}").put("/v3/os-services/enable")
                .then().statusCode(404).body("itemNotFound.message",
                        equalTo("Service cinder-backup could not be found on host invalid_host."));
        malformed().body("{\"host\": \"emulator@backup\", \"binary\": \"cinder-backup\", \"disabled_reason\": null}")
                .put("/v3/os-services/disable-log-reason").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute disabled_reason. Value: None. "
                        + "None is not of type 'string'"));
        cinder().body("{\"binary\": \"cinder-backup\"}").put("/v3/os-services/disable").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Host field is missing."));
        cinder().body("{\"host\": \"invalid_host\"}").put("/v3/os-services/freeze").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: No service found with host=invalid_host"));
        cinder().body("{\"host\": \"emulator\"}").put("/v3/os-services/failover_host").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: No service could be changed: "
                        + "replication_status in ['emulator@lvm'] must be ['enabled', 'failed-over'] and must be up "
                        + "to failover."));
        cinder().body("{}").put("/v3/os-services/reboot").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: Unknown action"));
    }
}
