package dev.cinderemulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CinderOperationsTests {

    @Test
    void routesAndActionsNameTheirOperation() {
        assertThat(CinderOperations.classify("GET", "/v3/backups", null)).contains("backup.list");
        assertThat(CinderOperations.classify("GET", "/v3/backups/detail", null)).contains("backup.list");
        assertThat(CinderOperations.classify("GET", "/v3/backups/b1", null)).contains("backup.show");
        assertThat(CinderOperations.classify("POST", "/v3/backups/b1/restore", null)).contains("backup.restore");
        assertThat(CinderOperations.classify("GET", "/v3/backups/b1/export_record", null)).contains("backup.export");
        assertThat(CinderOperations.classify("POST", "/v3/backups/import_record", null)).contains("backup.import");
        assertThat(CinderOperations.classify("POST", "/v3/backups/b1/action", "os-force_delete"))
                .contains("backup.force_delete");
        assertThat(CinderOperations.classify("POST", "/v3/backups/b1/action", "backup-export"))
                .contains("backup.export");
        assertThat(CinderOperations.classify("POST", "/v3/volumes/v1/action", "os-reset_status"))
                .contains("volume.reset_status");
        assertThat(CinderOperations.classify("DELETE", "/v3/snapshots/s1", null)).contains("snapshot.delete");
    }

    @Test
    void otherRequestsHaveNoOperation() {
        assertThat(CinderOperations.classify("GET", "/", null)).isEmpty();
        assertThat(CinderOperations.classify("GET", "/v3/", null)).isEmpty();
        assertThat(CinderOperations.classify("POST", "/v3/backups/b1/action", "os-unknown")).isEmpty();
        assertThat(CinderOperations.classify("POST", "/v3/snapshots/s1/action", "os-force_delete")).isEmpty();
        assertThat(CinderOperations.classify("PATCH", "/v3/backups/b1", null)).isEmpty();
    }
}
