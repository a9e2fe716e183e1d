package dev.cinderemulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * With {@code emulator.data-dir}, work in flight when the emulator stops is finished by the next
 * process: nothing acknowledged is lost.
 */
class RestartTests {

    @TempDir
    Path dataDir;

    @Test
    void backupsInFlightFinishAfterARestart() {
        String project = UUID.randomUUID().toString().replace("-", "");
        String token = "admin:" + project;
        String volume;
        String backup;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            volume = RestAssured.given().port(port).header("X-Auth-Token", token).contentType(ContentType.JSON)
                    .body("{\"volume\": {\"size\": 1}}").post("/v3/volumes").then().statusCode(202).extract()
                    .path("volume.id");
            first.getBean(TransitionScheduler.class).runDue();
            backup = RestAssured.given().port(port).header("X-Auth-Token", token).contentType(ContentType.JSON)
                    .body("{\"backup\": {\"volume_id\": \"" + volume + "\"}}").post("/v3/backups").then()
                    .statusCode(202).extract().path("backup.id");
            String inFlight = first.getBean(JdbcClient.class).sql("SELECT status FROM backups WHERE id = ?")
                    .param(backup).query(String.class).single();
            assertThat(inFlight).isEqualTo("creating");
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String status;
            do {
                status = jdbc.sql("SELECT status FROM backups WHERE id = ?").param(backup).query(String.class)
                        .single();
            } while (!status.equals("available") && System.nanoTime() < deadline);
            assertThat(status).isEqualTo("available");
            RestAssured.given().port(port(second)).header("X-Auth-Token", token).get("/v3/volumes/{id}", volume)
                    .then().statusCode(200).body("volume.status", org.hamcrest.Matchers.equalTo("available"));
        }
    }

    /** Volumes are ready at once; a backup takes a second, so the first process stops while it is creating. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CinderBackupsEmulatorApplication.class).run("--server.port=0",
                "--emulator.auth.mode=noauth", "--emulator.data-dir=" + dataDir, "--emulator.timing.volume-create=0s",
                "--emulator.timing.backup-create=1s", "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
