package dev.cinderemulator.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The emulator's Docker image under Testcontainers: port 8776 exposed, ready when
 * {@code /actuator/health} answers 200, the control API open to the host (requests from the host
 * reach a container from its bridge, not from loopback). Everything {@link CinderEmulator} offers
 * (auth URL, credentials, a {@code clouds.yaml} map, reset, clock) works on it once started.
 *
 * <pre>{@code
 * @Container
 * static CinderEmulatorContainer cinder = new CinderEmulatorContainer()
 *         .withTiming("backup-create", Duration.ZERO)
 *         .withFixtures(Path.of("src/test/resources/cinder-fixtures.yaml"));
 * }</pre>
 *
 * The image is {@value #DEFAULT_IMAGE} unless named: build it with {@code docker build -t
 * cinder-backups-emulator .} (or {@code docker compose build}) in the emulator's repository.
 */
public class CinderEmulatorContainer extends GenericContainer<CinderEmulatorContainer> implements CinderEmulator {

    public static final String DEFAULT_IMAGE = "cinder-backups-emulator:latest";
    public static final int PORT = 8776;

    private static final String FIXTURES_DIR = "/fixtures/";

    private final List<String> fixtures = new ArrayList<>();
    private AuthMode authMode = AuthMode.KEYSTONE;

    public CinderEmulatorContainer() {
        this(DockerImageName.parse(DEFAULT_IMAGE));
    }

    public CinderEmulatorContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public CinderEmulatorContainer(DockerImageName image) {
        super(image);
        emulatorDefaults();
    }

    /** An image made on the fly, such as an {@code ImageFromDockerfile} of the emulator's Dockerfile. */
    public CinderEmulatorContainer(Future<String> image) {
        super(image);
        emulatorDefaults();
    }

    private void emulatorDefaults() {
        withExposedPorts(PORT);
        withEnv("EMULATOR_CONTROL_OPEN", "true");
        waitingFor(Wait.forHttp("/actuator/health").forPort(PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** Cinder's own {@code noauth} strategy: tokens are {@code user:project}, every caller is admin. */
    public CinderEmulatorContainer withNoauth() {
        authMode = AuthMode.NOAUTH;
        return withEnv("EMULATOR_AUTH_MODE", "noauth");
    }

    /** How long one of {@link #TIMED_OPERATIONS} takes ({@code emulator.timing.*}); zero is at once. */
    public CinderEmulatorContainer withTiming(String operation, Duration duration) {
        if (!TIMED_OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("operation: one of " + TIMED_OPERATIONS + ", got '" + operation + "'");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: must not be negative, got " + duration);
        }
        return withEnv("EMULATOR_TIMING_" + operation.toUpperCase(Locale.ROOT).replace('-', '_'), duration.toString());
    }

    /** Seeds the generator of volume, snapshot and backup ids, so they repeat from run to run. */
    public CinderEmulatorContainer withIdSeed(long seed) {
        return withEnv("EMULATOR_ID_SEED", Long.toString(seed));
    }

    /**
     * A fixture document, or a folder of {@code *.json}/{@code *.yaml}, copied into the container and
     * loaded at start-up; several calls load in the order made.
     */
    public CinderEmulatorContainer withFixtures(Path hostPath) {
        if (!Files.exists(hostPath)) {
            throw new IllegalArgumentException("fixtures: " + hostPath.toAbsolutePath() + " does not exist");
        }
        return withFixtures(MountableFile.forHostPath(hostPath), hostPath.getFileName().toString());
    }

    /** A fixture document on the test class path (such as {@code cinder/fixtures.yaml}), loaded at start-up. */
    public CinderEmulatorContainer withClasspathFixtures(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return withFixtures(MountableFile.forClasspathResource(resource), name);
    }

    private CinderEmulatorContainer withFixtures(MountableFile source, String name) {
        String target = FIXTURES_DIR + fixtures.size() + "-" + name;
        fixtures.add(target);
        withCopyFileToContainer(source, target);
        return withEnv("EMULATOR_FIXTURES", String.join(",", fixtures));
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    @Override
    public AuthMode authMode() {
        return authMode;
    }
}
