package dev.cinderemulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.cinderemulator.support.CinderClient;

/**
 * The Docker image under {@link CinderEmulatorContainer}: fixtures copied in and loaded, a Keystone
 * login from the host, a backup made available by moving the clock, a reset. Skipped where no
 * Docker engine answers. The image is {@code -Dcinder.emulator.image=NAME} when given, otherwise
 * the project's Dockerfile is built and tagged {@value CinderEmulatorContainer#DEFAULT_IMAGE}
 * (Docker's layer cache makes later runs quick).
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CinderEmulatorContainerTests {

    @Container
    static final CinderEmulatorContainer EMULATOR = new CinderEmulatorContainer(image())
            .withTiming("volume-create", Duration.ZERO)
            .withFixtures(Path.of("fixtures/demo.yaml"));

    private static Future<String> image() {
        String named = System.getProperty("cinder.emulator.image", "");
        if (!named.isBlank()) {
            return CompletableFuture.completedFuture(named);
        }
        return new ImageFromDockerfile(CinderEmulatorContainer.DEFAULT_IMAGE, false)
                .withDockerfile(Path.of("Dockerfile").toAbsolutePath());
    }

    private static CinderClient demo() {
        return new CinderClient(EMULATOR.cinderUrl(), EMULATOR.token(EmulatorUser.DEMO));
    }

    @Test
    @Order(1)
    void theFixturesAreThereAtStartUp() {
        assertThat(demo().get("/backups/6b2f1d4e-8a1c-4f0e-b1d2-000000000001").text("/backup/name"))
                .isEqualTo("db-nightly-full");
    }

    @Test
    @Order(2)
    void aBackupIsAvailableOnceTheClockIsAdvanced() {
        CinderClient cinder = demo();
        EMULATOR.freezeClock();
        String volume = cinder.post("/volumes", "{\"volume\": {\"size\": 1}}").text("/volume/id");
        EMULATOR.advanceClock(Duration.ofSeconds(1));

        String backup = cinder.post("/backups", "{\"backup\": {\"volume_id\": \"" + volume + "\"}}")
                .text("/backup/id");
        assertThat(cinder.get("/backups/" + backup).text("/backup/status")).isEqualTo("creating");
        EMULATOR.advanceClock(Duration.ofSeconds(2));

        assertThat(cinder.get("/backups/" + backup).text("/backup/status")).isEqualTo("available");
    }

    @Test
    @Order(3)
    void aResetLeavesNothingBehind() {
        EMULATOR.reset();

        assertThat(demo().get("/volumes").body().at("/volumes").size()).isZero();
        assertThat(demo().get("/backups").body().at("/backups").size()).isZero();
    }

    @Test
    void theCloudConfigPointsAtTheMappedPort() {
        @SuppressWarnings("unchecked")
        Map<String, String> auth = (Map<String, String>) EMULATOR.cloudConfig().get("auth");

        assertThat(auth).containsEntry("auth_url",
                "http://" + EMULATOR.getHost() + ":" + EMULATOR.getMappedPort(8776) + "/keystone/v3")
                .containsEntry("username", "demo");
    }
}
